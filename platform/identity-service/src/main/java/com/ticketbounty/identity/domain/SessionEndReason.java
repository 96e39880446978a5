package com.ticketbounty.identity.domain;

/** Why a session ended, spelled as {@code app/auth.session-ended} carries it. */
public enum SessionEndReason {
  SIGN_OUT("sign-out"),
  PASSWORD_CHANGED("password-changed"),
  PASSWORD_RESET("password-reset"),
  /** A spent refresh token was presented again: someone else may hold the session. */
  REFRESH_TOKEN_REUSED("refresh-token-reused");

  private final String wireName;

  SessionEndReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static SessionEndReason ofWireName(String name) {
    for (SessionEndReason reason : values()) {
      if (reason.wireName.equals(name)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("no session end reason '" + name + "'");
  }
}
