package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.digest.AdminDigestReady;
import com.ticketbounty.notification.application.PostDigestToDiscord;
import org.jspecify.annotations.Nullable;

/**
 * {@code admin-digest-discord}: {@code post-to-discord} posts the daily figures to the team's
 * Discord channel; independent of {@link AdminDigestEmailFunction}.
 */
public final class AdminDigestDiscordFunction {
  public static final String ID = "admin-digest-discord";

  private final PostDigestToDiscord postDigestToDiscord;
  private final RetryPolicy retryPolicy;

  public AdminDigestDiscordFunction(
      PostDigestToDiscord postDigestToDiscord, RetryPolicy retryPolicy) {
    this.postDigestToDiscord = postDigestToDiscord;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(AdminDigestReady.class)
        .handler(this::run);
  }

  private @Nullable Object run(FunctionContext context) {
    AdminDigestReady ready = context.data(AdminDigestReady.class);
    context
        .step()
        .run(
            "post-to-discord",
            key -> ProviderCalls.mapped(() -> postDigestToDiscord.post(DigestFiguresOf.of(ready))));
    return null;
  }
}
