package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.SendSecurityEmail;
import org.jspecify.annotations.Nullable;

/**
 * {@code password-reset}: e-mails the reset link (a security e-mail). The link carries the reset
 * token; it travels sealed and is neither logged nor recorded.
 */
public final class PasswordResetFunction {
  public static final String ID = "password-reset";

  private final SendSecurityEmail sendSecurityEmail;
  private final RetryPolicy retryPolicy;

  public PasswordResetFunction(SendSecurityEmail sendSecurityEmail, RetryPolicy retryPolicy) {
    this.sendSecurityEmail = sendSecurityEmail;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(PasswordResetRequested.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    PasswordResetRequested request = context.data(PasswordResetRequested.class);
    return context
        .step()
        .run(
            "send-reset-link",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        sendSecurityEmail.passwordReset(
                            request.userId(),
                            request.email(),
                            request.resetLink(),
                            request.expiresAt(),
                            key)));
  }
}
