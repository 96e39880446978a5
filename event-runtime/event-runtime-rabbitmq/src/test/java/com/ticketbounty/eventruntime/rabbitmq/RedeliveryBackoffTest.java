package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RedeliveryBackoffTest {

  @Test
  void doublesFromAQuarterSecondUpToTenSeconds() {
    assertThat(LongStream.of(0, 1, 2, 5, 6, 20).mapToObj(RedeliveryBackoff::after))
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
  }

  @Test
  void readsTheQuorumQueuesDeliveryCount() {
    AMQP.BasicProperties redelivered =
        new AMQP.BasicProperties.Builder().headers(Map.of("x-delivery-count", 3L)).build();

    assertThat(RedeliveryBackoff.after(redelivered.getHeaders())).isEqualTo(Duration.ofSeconds(2));
    assertThat(RedeliveryBackoff.after(new AMQP.BasicProperties().getHeaders()))
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void spansAboutTwoAndAHalfMinutesOverTheDefaultDeliveryLimit() {
    Duration total =
        LongStream.range(0, 20)
            .mapToObj(RedeliveryBackoff::after)
            .reduce(Duration.ZERO, Duration::plus);

    assertThat(total).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(3));
  }
}
