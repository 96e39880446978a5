package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.SendWelcome;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code welcome-email}: sleeps {@code WELCOME_EMAIL_DELAY} after sign-up, then sends the welcome
 * e-mail. The sleep is a durable timer: no thread waits, and a service stopped and started during
 * it wakes the run at the recorded time and sends once.
 */
public final class WelcomeEmailFunction {
  public static final String ID = "welcome-email";

  private final SendWelcome sendWelcome;
  private final Duration delay;
  private final RetryPolicy retryPolicy;

  public WelcomeEmailFunction(SendWelcome sendWelcome, Duration delay, RetryPolicy retryPolicy) {
    this.sendWelcome = sendWelcome;
    this.delay = delay;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(WelcomeEmailRequested.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    WelcomeEmailRequested welcome = context.data(WelcomeEmailRequested.class);
    context.step().sleep("welcome-delay", delay);
    return context
        .step()
        .run(
            "send-welcome-email",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        sendWelcome.send(
                            welcome.userId(), welcome.email(), welcome.username(), key)));
  }
}
