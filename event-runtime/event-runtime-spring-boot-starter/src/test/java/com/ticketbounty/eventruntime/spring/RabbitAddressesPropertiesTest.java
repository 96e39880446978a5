package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Address;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Where the starter connects, as services configure it (RABBITMQ_ADDRESSES, else host/port). */
class RabbitAddressesPropertiesTest {

  @Test
  void aClusterListReplacesHostAndPort() {
    EventRuntimeProperties.Rabbitmq rabbit =
        bind(
            Map.of(
                "event-runtime.rabbitmq.host", "ignored",
                "event-runtime.rabbitmq.port", "5672",
                "event-runtime.rabbitmq.addresses", "node-1:5681, node-2:5682,node-3"));

    assertThat(rabbit.broker().addresses())
        .containsExactly(
            new Address("node-1", 5681), new Address("node-2", 5682), new Address("node-3", 5672));
  }

  @Test
  void withoutAListTheOneBrokerIsHostAndPort() {
    // The services' application.yml maps an unset RABBITMQ_ADDRESSES to an empty value.
    EventRuntimeProperties.Rabbitmq rabbit =
        bind(
            Map.of(
                "event-runtime.rabbitmq.host", "rabbit",
                "event-runtime.rabbitmq.port", "5673",
                "event-runtime.rabbitmq.addresses", ""));

    assertThat(rabbit.broker().addresses()).containsExactly(new Address("rabbit", 5673));
    assertThat(bind(Map.of()).broker().addresses()).containsExactly(new Address("127.0.0.1", 5672));
  }

  private static EventRuntimeProperties.Rabbitmq bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("event-runtime", EventRuntimeProperties.class)
        .rabbitmq();
  }
}
