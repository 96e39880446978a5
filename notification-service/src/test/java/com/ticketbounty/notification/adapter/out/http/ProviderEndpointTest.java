package com.ticketbounty.notification.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderEndpointTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void joinsAPathBelowABaseUrlWithOneSlash() {
    assertThat(
            ProviderEndpoint.under("email", "https://api.resend.com//", "/emails", TIMEOUT).uri())
        .isEqualTo(URI.create("https://api.resend.com/emails"));
    assertThat(
            ProviderEndpoint.under("analytics", "http://collector:8088/base", "/v1/track", TIMEOUT)
                .uri())
        .isEqualTo(URI.create("http://collector:8088/base/v1/track"));
  }

  @Test
  void takesAWebhookUrlAsItIs() {
    assertThat(
            ProviderEndpoint.at(
                    "discord", "https://discord.com/api/webhooks/1/t?wait=true", TIMEOUT)
                .uri())
        .isEqualTo(URI.create("https://discord.com/api/webhooks/1/t?wait=true"));
  }

  @Test
  void refusesAUrlThatIsNotAbsoluteHttpWithoutRepeatingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProviderEndpoint.at("slack", "hooks.slack.com/services/s3cr3t", TIMEOUT))
        .withMessageContaining("slack")
        .withMessageNotContaining("s3cr3t");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProviderEndpoint.at("slack", "ftp://hooks.slack.com/s3cr3t", TIMEOUT))
        .withMessageNotContaining("s3cr3t");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProviderEndpoint.at("slack", "https://hooks slack/s3cr3t", TIMEOUT))
        .withMessageNotContaining("s3cr3t");
  }

  @Test
  void refusesATimeoutThatIsNotPositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProviderEndpoint.at("slack", "https://hooks.slack.com", Duration.ZERO));
  }
}
