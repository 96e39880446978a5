package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.EventType;

/** Event contracts of the tests. */
final class Contracts {
  private Contracts() {}

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId, String userId) {}

  @EventType(name = "test/order.paid", version = "1.0")
  record OrderPaid(String orderId) {}

  @EventType(name = "test/receipt.sent", version = "1.0")
  record ReceiptSent(String orderId) {}
}
