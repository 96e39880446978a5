package com.ticketbounty.notification.adapter.out.http;

import com.ticketbounty.notification.application.DiscordMessages;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts to a Discord webhook (DESIGN.md §9): {@code POST <DISCORD_WEBHOOK_URL>} with {@code
 * {content}}. The webhook's URL is its secret and appears in no message or log line; time limit,
 * circuit breaker ({@code discord}) and error mapping are {@link ProviderClient}'s.
 */
public final class WebhookDiscordMessages implements DiscordMessages {
  /** The provider's name in messages and the name of its circuit breaker. */
  public static final String PROVIDER = "discord";

  private final ProviderClient webhook;

  WebhookDiscordMessages(ProviderClient webhook) {
    this.webhook = webhook;
  }

  public static WebhookDiscordMessages create(
      WebClient.Builder webClient, String webhookUrl, Duration timeout, Clock clock) {
    return new WebhookDiscordMessages(
        ProviderClient.create(
            ProviderEndpoint.at(PROVIDER, webhookUrl, timeout),
            webClient,
            ProviderFailures.PROVIDER,
            clock));
  }

  @Override
  public void post(String content) {
    webhook.post(new Message(content), headers -> {});
  }

  /** Discord's webhook payload. */
  record Message(String content) {}
}
