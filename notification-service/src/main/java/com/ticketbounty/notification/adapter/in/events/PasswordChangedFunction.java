package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.SendSecurityEmail;
import org.jspecify.annotations.Nullable;

/** {@code password-changed}: tells the account's owner that its password changed (security). */
public final class PasswordChangedFunction {
  public static final String ID = "password-changed";

  private final SendSecurityEmail sendSecurityEmail;
  private final RetryPolicy retryPolicy;

  public PasswordChangedFunction(SendSecurityEmail sendSecurityEmail, RetryPolicy retryPolicy) {
    this.sendSecurityEmail = sendSecurityEmail;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(PasswordChanged.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    PasswordChanged changed = context.data(PasswordChanged.class);
    return context
        .step()
        .run(
            "send-password-changed",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        sendSecurityEmail.passwordChanged(
                            changed.userId(),
                            changed.email(),
                            changed.how(),
                            changed.changedAt(),
                            key)));
  }
}
