package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;

@EventType(name = "test/password.reset-requested", version = "1.0")
record PasswordResetRequested(String userId, @Sensitive String resetLink, Delivery delivery) {
  record Delivery(String channel, @Sensitive String address) {}
}
