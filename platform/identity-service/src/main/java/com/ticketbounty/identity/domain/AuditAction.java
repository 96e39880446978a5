package com.ticketbounty.identity.domain;

/** What an audit-log row records; spelled in the table as {@link #code()}. */
public enum AuditAction {
  SIGNED_UP("signed-up"),
  SIGNED_IN("signed-in"),
  SIGN_IN_FAILED("sign-in-failed"),
  SIGNED_OUT("signed-out"),
  REFRESH_TOKEN_REUSED("refresh-token-reused"),
  PASSWORD_CHANGED("password-changed"),
  /** Written by the consumer of {@code app/account.password-changed}, once per event. */
  PASSWORD_CHANGE_ANNOUNCED("password-change-announced"),
  PASSWORD_RESET_REQUESTED("password-reset-requested"),
  PASSWORD_RESET_COMPLETED("password-reset-completed"),
  EMAIL_VERIFIED("email-verified"),
  /** A verified address of {@code ADMIN_EMAILS} made the account an ADMIN; the detail names it. */
  ROLE_GRANTED("role-granted"),
  SIGNING_KEY_ROTATED("signing-key-rotated"),
  ACCOUNTS_REPUBLISHED("accounts-republished");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
