package com.ticketbounty.notification.domain;

import java.time.Instant;
import java.util.Map;

/** The e-mails about an account: the welcome e-mail and the three security e-mails. */
public final class AccountNotices {
  private final AppLinks links;

  public AccountNotices(AppLinks links) {
    this.links = links;
  }

  /** Sent {@code WELCOME_EMAIL_DELAY} after sign-up; it follows the recipient's preference. */
  public Notice welcome() {
    return new Notice(
        EmailTemplate.WELCOME,
        "Welcome to TicketBounty",
        Map.of("appLink", links.home()),
        links.home());
  }

  /** The 8-letter code that verifies the address (a security e-mail). */
  public Notice verificationCode(String code, Instant expiresAt) {
    return new Notice(
        EmailTemplate.VERIFICATION_CODE,
        "Your TicketBounty verification code",
        Map.of("code", code, "expiresAt", Text.minutes(expiresAt)),
        null);
  }

  /**
   * The link that resets the password (a security e-mail). identity-service builds it on the same
   * {@code APP_BASE_URL}; it carries the reset token, so it is never logged.
   */
  public Notice passwordReset(String resetLink, Instant expiresAt) {
    return new Notice(
        EmailTemplate.PASSWORD_RESET,
        "Reset your TicketBounty password",
        Map.of("resetLink", resetLink, "expiresAt", Text.minutes(expiresAt)),
        null);
  }

  /**
   * Tells the owner that the password changed (a security e-mail), so that someone who did not
   * change it knows at once.
   *
   * @param how {@code changed} or {@code reset}, as the event says
   */
  public Notice passwordChanged(String how, Instant changedAt) {
    return new Notice(
        EmailTemplate.PASSWORD_CHANGED,
        "Your TicketBounty password was changed",
        Map.of(
            "changedAt", Text.minutes(changedAt),
            "throughReset", "reset".equals(how),
            "appLink", links.home()),
        null);
  }
}
