package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.EventType;

/** Event contracts of the scenario contracts. */
final class ScenarioEvents {
  private ScenarioEvents() {}

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId, String userId) {}

  @EventType(name = "test/order.paid", version = "1.0")
  record OrderPaid(String orderId) {}

  @EventType(name = "test/receipt.sent", version = "1.0")
  record ReceiptSent(String orderId) {}
}
