package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;

@EventType(name = "test/password.reset-requested", version = "1.0")
public record PasswordResetRequested(
    String userId, @Sensitive String resetLink, Delivery delivery) {
  public record Delivery(String channel, @Sensitive String address) {}
}
