package com.ticketbounty.identity.adapter.in.web;

import org.jspecify.annotations.Nullable;

/**
 * The bodies of {@code /api/auth/*}. Every field may be absent here: what is missing is a broken
 * rule (422) or a failed authentication (401), not an unreadable body (400).
 */
final class AuthRequests {
  private AuthRequests() {}

  record SignUp(@Nullable String username, @Nullable String email, @Nullable String password) {
    @Override
    public String toString() {
      return "SignUp[" + username + ", " + email + ", [redacted]]";
    }
  }

  record SignIn(@Nullable String email, @Nullable String password) {
    @Override
    public String toString() {
      return "SignIn[" + email + ", [redacted]]";
    }
  }

  record Refresh(@Nullable String refreshToken) {
    @Override
    public String toString() {
      return "Refresh[[redacted]]";
    }
  }

  record ForgotPassword(@Nullable String email) {}

  record ResetPassword(@Nullable String token, @Nullable String password) {
    @Override
    public String toString() {
      return "ResetPassword[[redacted]]";
    }
  }

  record VerifyEmail(@Nullable String code) {
    @Override
    public String toString() {
      return "VerifyEmail[[redacted]]";
    }
  }
}
