package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RabbitSettingsTest {
  private final RabbitSettings settings =
      RabbitSettings.of("rabbit", 5672, "app", "s3cret", "/", "ticketbounty.", "ticket-service");

  @Test
  void appliesTheDefaults() {
    assertThat(settings.prefetch()).isEqualTo(100);
    assertThat(settings.deliveryLimit()).isEqualTo(20);
    assertThat(settings.confirmTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.consumerThreads()).isEqualTo(4);
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(settings.toString()).contains("app@rabbit:5672/").doesNotContain("s3cret");
  }

  @Test
  void rejectsSettingsTheBrokerCouldNotUse() {
    assertThatThrownBy(() -> settings.withConsumers(0, 4, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefetch");
    assertThatThrownBy(() -> settings.withConsumers(100, 4, 0))
        .hasMessageContaining("deliveryLimit");
    assertThatThrownBy(() -> settings.withAddress("rabbit", 70_000)).hasMessageContaining("port");
    assertThatThrownBy(
            () ->
                settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5)))
        .hasMessageContaining("confirmTimeout");
    assertThatThrownBy(
            () -> RabbitSettings.of("rabbit", 5672, "app", "pw", "/", "", "ticket service"))
        .hasMessageContaining("whitespace");
  }

  @Test
  void namesFollowTheTopologyContract() {
    RabbitNames names = RabbitNames.of(settings);

    assertThat(names.exchange()).isEqualTo("ticketbounty.events");
    assertThat(names.deadLetterExchange()).isEqualTo("ticketbounty.events.dlx");
    assertThat(names.queue("ticket-created-email"))
        .isEqualTo("ticketbounty.ticket-service.ticket-created-email");
    assertThat(names.deadLetterQueue(names.queue("ticket-created-email")))
        .isEqualTo("ticketbounty.ticket-service.ticket-created-email.dlq");
  }
}
