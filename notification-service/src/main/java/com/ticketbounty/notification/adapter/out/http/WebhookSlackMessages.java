package com.ticketbounty.notification.adapter.out.http;

import com.ticketbounty.notification.application.SlackMessages;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts to a Slack incoming webhook (DESIGN.md §9): {@code POST <SLACK_WEBHOOK_URL>} with {@code
 * {text}}. The webhook's URL is its secret and appears in no message or log line; time limit,
 * circuit breaker ({@code slack}) and error mapping are {@link ProviderClient}'s.
 */
public final class WebhookSlackMessages implements SlackMessages {
  /** The provider's name in messages and the name of its circuit breaker. */
  public static final String PROVIDER = "slack";

  private final ProviderClient webhook;

  WebhookSlackMessages(ProviderClient webhook) {
    this.webhook = webhook;
  }

  public static WebhookSlackMessages create(
      WebClient.Builder webClient, String webhookUrl, Duration timeout, Clock clock) {
    return new WebhookSlackMessages(
        ProviderClient.create(
            ProviderEndpoint.at(PROVIDER, webhookUrl, timeout),
            webClient,
            ProviderFailures.PROVIDER,
            clock));
  }

  /**
   * Posts {@code text} as plain text: Slack reads {@code <…>} as a link or a mention such as {@code
   * <!channel>}, so the three characters of its markup are escaped as Slack asks, and a ticket
   * title can never ping a channel.
   */
  @Override
  public void post(String text) {
    webhook.post(new Message(escape(text)), headers -> {});
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Slack's incoming-webhook payload. */
  record Message(String text) {}
}
