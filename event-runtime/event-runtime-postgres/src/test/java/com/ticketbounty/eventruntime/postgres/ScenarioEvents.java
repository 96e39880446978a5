package com.ticketbounty.eventruntime.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.ticketbounty.eventruntime.EventType;
import org.jspecify.annotations.Nullable;

/** Event contracts of the scenario contracts. */
final class ScenarioEvents {
  private ScenarioEvents() {}

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId, String userId) {}

  @EventType(name = "test/order.paid", version = "1.0")
  record OrderPaid(String orderId) {}

  @EventType(name = "test/ticket.opened", version = "1.0")
  record TicketOpened(String ticketId) {}

  /** Without {@code ticketId} on the wire when it is null: a comment on no ticket. */
  @EventType(name = "test/ticket.commented", version = "1.0")
  record TicketCommented(
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String ticketId, String priority) {}

  @EventType(name = "test/receipt.sent", version = "1.0")
  record ReceiptSent(String orderId) {}
}
