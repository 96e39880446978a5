package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.RefreshSession;
import com.ticketbounty.identity.application.RequestEmailVerification;
import com.ticketbounty.identity.application.RequestPasswordReset;
import com.ticketbounty.identity.application.ResetPassword;
import com.ticketbounty.identity.application.SignIn;
import com.ticketbounty.identity.application.SignOut;
import com.ticketbounty.identity.application.SignUp;
import com.ticketbounty.identity.application.SignUpCommand;
import com.ticketbounty.identity.application.VerifyEmail;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimited;
import com.ticketbounty.serviceweb.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/auth}: sign-up, sign-in, refresh, sign-out, password reset, e-mail verification.
 * Every endpoint that guesses at a secret or sends mail counts its attempts first ({@link
 * AttemptLimits}).
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {
  private final SignUp signUp;
  private final SignIn signIn;
  private final RefreshSession refreshSession;
  private final SignOut signOut;
  private final RequestPasswordReset requestPasswordReset;
  private final ResetPassword resetPassword;
  private final RequestEmailVerification requestEmailVerification;
  private final VerifyEmail verifyEmail;
  private final AttemptLimits limits;

  AuthController(
      SignUp signUp,
      SignIn signIn,
      RefreshSession refreshSession,
      SignOut signOut,
      RequestPasswordReset requestPasswordReset,
      ResetPassword resetPassword,
      RequestEmailVerification requestEmailVerification,
      VerifyEmail verifyEmail,
      AttemptLimits limits) {
    this.signUp = signUp;
    this.signIn = signIn;
    this.refreshSession = refreshSession;
    this.signOut = signOut;
    this.requestPasswordReset = requestPasswordReset;
    this.resetPassword = resetPassword;
    this.requestEmailVerification = requestEmailVerification;
    this.verifyEmail = verifyEmail;
    this.limits = limits;
  }

  @PostMapping("/sign-up")
  @ResponseStatus(HttpStatus.CREATED)
  @AttemptLimited
  Mono<AuthResponses.Session> signUp(
      @RequestBody AuthRequests.SignUp body, ServerHttpRequest request) {
    String client = ClientAddress.of(request);
    return limits
        .signUp(client, body.email())
        .then(
            Mono.fromCallable(
                () -> SignUpCommand.of(body.username(), body.email(), body.password())))
        .flatMap(command -> signUp.signUp(command, client))
        .map(AuthResponses.Session::of);
  }

  @PostMapping("/sign-in")
  @AttemptLimited
  Mono<AuthResponses.Session> signIn(
      @RequestBody AuthRequests.SignIn body, ServerHttpRequest request) {
    String client = ClientAddress.of(request);
    return limits
        .signIn(client, body.email())
        .then(Mono.defer(() -> signIn.signIn(body.email(), body.password(), client)))
        .map(AuthResponses.Session::of);
  }

  @PostMapping("/refresh")
  Mono<AuthResponses.Refreshed> refresh(
      @RequestBody AuthRequests.Refresh body, ServerHttpRequest request) {
    return refreshSession
        .refresh(body.refreshToken(), ClientAddress.of(request))
        .map(AuthResponses.Refreshed::of);
  }

  @PostMapping("/sign-out")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> signOut(Caller caller, ServerHttpRequest request) {
    return signOut.signOut(caller.userId(), caller.sessionId(), ClientAddress.of(request));
  }

  @PostMapping("/password/forgot")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @AttemptLimited
  Mono<AuthResponses.ResetRequested> forgotPassword(
      @RequestBody AuthRequests.ForgotPassword body, ServerHttpRequest request) {
    String client = ClientAddress.of(request);
    return limits
        .forgotPassword(client, body.email())
        .then(Mono.defer(() -> requestPasswordReset.request(body.email(), client)))
        .thenReturn(AuthResponses.ResetRequested.ALWAYS);
  }

  @PostMapping("/password/reset")
  @AttemptLimited
  Mono<AuthResponses.Reset> resetPassword(
      @RequestBody AuthRequests.ResetPassword body, ServerHttpRequest request) {
    String client = ClientAddress.of(request);
    return limits
        .resetPassword(client, body.token())
        .then(Mono.defer(() -> resetPassword.reset(body.token(), body.password(), client)))
        .map(AuthResponses.Reset::of);
  }

  @PostMapping("/email/verification")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @AttemptLimited
  Mono<Void> requestEmailVerification(Caller caller, ServerHttpRequest request) {
    return limits
        .emailVerification(ClientAddress.of(request), caller.userId())
        .then(Mono.defer(() -> requestEmailVerification.request(caller.userId())));
  }

  @PostMapping("/email/verify")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> verifyEmail(
      Caller caller, @RequestBody AuthRequests.VerifyEmail body, ServerHttpRequest request) {
    return verifyEmail.verify(caller.userId(), body.code(), ClientAddress.of(request));
  }
}
