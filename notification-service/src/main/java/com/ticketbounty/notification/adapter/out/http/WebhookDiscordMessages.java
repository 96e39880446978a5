package com.ticketbounty.notification.adapter.out.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ticketbounty.notification.application.DiscordMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

  /**
   * Posts {@code content} with no mention allowed: a ticket title holding {@code @everyone} or a
   * role's mention stays text instead of pinging the channel.
   */
  @Override
  public void post(String content) {
    webhook.post(new Message(content, AllowedMentions.NONE), headers -> {});
  }

  /** Discord's webhook payload. */
  record Message(
      String content, @JsonProperty("allowed_mentions") AllowedMentions allowedMentions) {}

  /** Which mentions Discord may turn into pings: none. */
  record AllowedMentions(List<String> parse) {
    static final AllowedMentions NONE = new AllowedMentions(List.of());
  }
}
