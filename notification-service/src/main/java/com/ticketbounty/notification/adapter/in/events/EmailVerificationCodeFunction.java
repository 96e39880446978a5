package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.SendSecurityEmail;
import org.jspecify.annotations.Nullable;

/**
 * {@code email-verification-code}: e-mails the 8-letter code (a security e-mail, sent whatever the
 * preference). The code travels sealed; the runtime opens it for this function only, and it is
 * neither logged nor recorded (the step's result names only the recipient).
 */
public final class EmailVerificationCodeFunction {
  public static final String ID = "email-verification-code";

  private final SendSecurityEmail sendSecurityEmail;
  private final RetryPolicy retryPolicy;

  public EmailVerificationCodeFunction(
      SendSecurityEmail sendSecurityEmail, RetryPolicy retryPolicy) {
    this.sendSecurityEmail = sendSecurityEmail;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(EmailVerificationCodeRequested.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    EmailVerificationCodeRequested request = context.data(EmailVerificationCodeRequested.class);
    return context
        .step()
        .run(
            "send-verification-code",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        sendSecurityEmail.verificationCode(
                            request.userId(),
                            request.email(),
                            request.username(),
                            request.code(),
                            request.expiresAt(),
                            key)));
  }
}
