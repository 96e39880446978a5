package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.ChangePassword;
import com.ticketbounty.identity.application.ShowAccount;
import com.ticketbounty.identity.application.UpdateProfile;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimited;
import com.ticketbounty.serviceweb.security.Caller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/account}: the signed-in user's own account. */
@RestController
@RequestMapping("/api/account")
class AccountController {
  private final ShowAccount showAccount;
  private final UpdateProfile updateProfile;
  private final ChangePassword changePassword;
  private final AttemptLimits limits;

  AccountController(
      ShowAccount showAccount,
      UpdateProfile updateProfile,
      ChangePassword changePassword,
      AttemptLimits limits) {
    this.showAccount = showAccount;
    this.updateProfile = updateProfile;
    this.changePassword = changePassword;
    this.limits = limits;
  }

  @GetMapping
  Mono<AccountResponse> show(Caller caller) {
    return showAccount.show(caller.userId()).map(AccountResponse::of);
  }

  @PatchMapping
  Mono<AccountResponse> update(Caller caller, @RequestBody UpdateRequest body) {
    return updateProfile
        .update(
            caller.userId(),
            body.username(),
            body.notificationPreference() == null ? null : body.notificationPreference().toDomain())
        .map(AccountResponse::of);
  }

  /** Counted before the current password is checked: each change is a guess at it. */
  @PutMapping("/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @AttemptLimited
  Mono<Void> changePassword(
      Caller caller, @RequestBody ChangePasswordRequest body, ServerHttpRequest request) {
    String client = ClientAddress.of(request);
    return limits
        .changePassword(client, caller.userId())
        .then(
            Mono.defer(
                () ->
                    changePassword.change(
                        caller.userId(), body.currentPassword(), body.newPassword(), client)));
  }

  record UpdateRequest(
      @Nullable String username, @Nullable NotificationPreferenceJson notificationPreference) {}

  record ChangePasswordRequest(@Nullable String currentPassword, @Nullable String newPassword) {
    @Override
    public String toString() {
      return "ChangePasswordRequest[[redacted]]";
    }
  }

  /** An account as API.md shows it. */
  record AccountResponse(
      UUID id,
      String username,
      String email,
      String role,
      boolean emailVerified,
      NotificationPreferenceJson notificationPreference) {
    static AccountResponse of(User user) {
      return new AccountResponse(
          user.id(),
          user.username().value(),
          user.email().value(),
          user.role().name(),
          user.emailVerified(),
          NotificationPreferenceJson.of(user.preference()));
    }
  }
}
