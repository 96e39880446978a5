package com.ticketbounty.identity.integration;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a consumer with the encryption key reads from identity's sealed events: the reset link and
 * the verification code, in clear, per account. Fed by two test subscriptions that go through
 * RabbitMQ like notification-service's functions would.
 */
final class SealedFields {
  private static final Map<UUID, String> RESET_LINKS = new ConcurrentHashMap<>();
  private static final Map<UUID, String> CODES = new ConcurrentHashMap<>();

  private SealedFields() {}

  static Subscription<PasswordResetRequested> resetLinks() {
    return new Subscription<>(
        "test-reset-links",
        PasswordResetRequested.class,
        delivery -> RESET_LINKS.put(delivery.data().userId(), delivery.data().resetLink()));
  }

  static Subscription<EmailVerificationCodeRequested> codes() {
    return new Subscription<>(
        "test-verification-codes",
        EmailVerificationCodeRequested.class,
        delivery -> CODES.put(delivery.data().userId(), delivery.data().code()));
  }

  static Optional<String> resetLinkOf(UUID userId) {
    return Optional.ofNullable(RESET_LINKS.get(userId));
  }

  static Optional<String> codeOf(UUID userId) {
    return Optional.ofNullable(CODES.get(userId));
  }

  static void forget(UUID userId) {
    RESET_LINKS.remove(userId);
    CODES.remove(userId);
  }
}
