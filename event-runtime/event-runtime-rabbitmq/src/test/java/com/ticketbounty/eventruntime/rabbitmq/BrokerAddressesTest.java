package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import org.junit.jupiter.api.Test;

class BrokerAddressesTest {

  @Test
  void parsesAClusterListAndGivesAPortlessAddressTheDefaultPort() {
    BrokerAddresses broker =
        BrokerAddresses.parse(" rabbit-1:5681, rabbit-2 ,10.0.0.3:5683 ", 5672);

    assertThat(broker.addresses())
        .containsExactly(
            new Address("rabbit-1", 5681),
            new Address("rabbit-2", 5672),
            new Address("10.0.0.3", 5683));
    assertThat(broker).hasToString("rabbit-1:5681,rabbit-2:5672,10.0.0.3:5683");
  }

  @Test
  void printsAListThatParsesBackToTheSameAddresses() {
    BrokerAddresses broker = BrokerAddresses.parse("[::1]:5681,localhost:5682", 5672);

    assertThat(BrokerAddresses.parse(broker.toString(), 1)).isEqualTo(broker);
  }

  @Test
  void rejectsListsNoBrokerCouldBeReachedWith() {
    assertThatThrownBy(() -> BrokerAddresses.parse("  ", 5672)).hasMessageContaining("blank");
    assertThatThrownBy(() -> BrokerAddresses.parse("rabbit:http", 5672))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rabbit:http");
    assertThatThrownBy(() -> BrokerAddresses.parse("rabbit:70000", 5672))
        .hasMessageContaining("port");
    assertThatThrownBy(() -> BrokerAddresses.of("rabbit", 0)).hasMessageContaining("port");
  }

  @Test
  void aSingleHostAndPortIsAListOfOne() {
    assertThat(RabbitSettings.of("rabbit", 5672, "app", "pw", "/", "", "svc").broker())
        .isEqualTo(BrokerAddresses.parse("rabbit:5672", 1));
  }
}
