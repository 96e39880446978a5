package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.SignedIn;
import com.ticketbounty.identity.domain.User;
import java.util.UUID;

/** The answers of {@code /api/auth/*} as API.md shows them. */
final class AuthResponses {
  private AuthResponses() {}

  record UserSummary(UUID id, String username, String email, String role) {
    static UserSummary of(User user) {
      return new UserSummary(
          user.id(), user.username().value(), user.email().value(), user.role().name());
    }
  }

  /** Sign-up and sign-in. */
  record Session(UserSummary user, String accessToken, String refreshToken, long expiresIn) {
    static Session of(SignedIn signedIn) {
      return new Session(
          UserSummary.of(signedIn.user()),
          signedIn.accessToken().value(),
          signedIn.refreshToken().reveal(),
          signedIn.accessToken().expiresInSeconds());
    }
  }

  record Refreshed(String accessToken, String refreshToken, long expiresIn) {
    static Refreshed of(SignedIn signedIn) {
      return new Refreshed(
          signedIn.accessToken().value(),
          signedIn.refreshToken().reveal(),
          signedIn.accessToken().expiresInSeconds());
    }
  }

  /** A completed password reset signs the user in with an access token only. */
  record Reset(String accessToken, long expiresIn) {
    static Reset of(SignedIn signedIn) {
      return new Reset(signedIn.accessToken().value(), signedIn.accessToken().expiresInSeconds());
    }
  }

  /** The one answer of forgot-password, whether or not the account exists. */
  record ResetRequested(String message) {
    static final ResetRequested ALWAYS =
        new ResetRequested(
            "If an account has this address, a link to reset its password is on its way.");
  }
}
