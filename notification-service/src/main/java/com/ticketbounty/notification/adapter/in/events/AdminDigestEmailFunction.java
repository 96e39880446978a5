package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.digest.AdminDigestReady;
import com.ticketbounty.notification.application.EmailAdminDigest;
import com.ticketbounty.notification.application.Notified;
import org.jspecify.annotations.Nullable;

/**
 * {@code admin-digest-email}: {@code email-admins} e-mails the daily figures to every ADMIN whose
 * address is verified. Independent of {@link AdminDigestDiscordFunction}: each has its own queue
 * and run, so one failing and being retried never repeats or holds up the other.
 */
public final class AdminDigestEmailFunction {
  public static final String ID = "admin-digest-email";

  private final EmailAdminDigest emailAdminDigest;
  private final RetryPolicy retryPolicy;

  public AdminDigestEmailFunction(EmailAdminDigest emailAdminDigest, RetryPolicy retryPolicy) {
    this.emailAdminDigest = emailAdminDigest;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(AdminDigestReady.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    AdminDigestReady ready = context.data(AdminDigestReady.class);
    return context
        .step()
        .run(
            "email-admins",
            Notified.class,
            key ->
                ProviderCalls.mapped(() -> emailAdminDigest.send(DigestFiguresOf.of(ready), key)));
  }
}
