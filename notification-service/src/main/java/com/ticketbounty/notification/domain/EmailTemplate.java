package com.ticketbounty.notification.domain;

/**
 * Every e-mail the service sends, each with its pair of template files ({@code
 * templates/email/<name>.html.mustache} and {@code .txt.mustache}). A security e-mail (a code, a
 * reset link, a password change) goes whatever the recipient's preference and offers no
 * unsubscribe; every other one follows the preference and links to the notification settings.
 */
public enum EmailTemplate {
  WELCOME("welcome", false),
  VERIFICATION_CODE("verification-code", true),
  PASSWORD_RESET("password-reset", true),
  PASSWORD_CHANGED("password-changed", true),
  TICKET_CONFIRMATION("ticket-confirmation", false),
  COMMENT_POSTED("comment-posted", false),
  TICKET_ASSIGNED("ticket-assigned", false),
  TICKET_UPDATED("ticket-updated", false),
  ADMIN_DIGEST("admin-digest", false),
  BATCH_DIGEST("batch-digest", false);

  private final String fileName;
  private final boolean security;

  EmailTemplate(String fileName, boolean security) {
    this.fileName = fileName;
    this.security = security;
  }

  /** The templates' file name without its extensions. */
  public String fileName() {
    return fileName;
  }

  public boolean security() {
    return security;
  }
}
