package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the machine's RabbitMQ, as the suite runs without fault 7. */
class SuiteBrokerTest {
  @Test
  void givesTheServicesTheBrokerThroughAProxyThatFaultThreeCanCut() throws Exception {
    // Without fault 7 the root (where the cluster script lives) is not used.
    try (SuiteBroker broker = SuiteBroker.start(Path.of("."), List.of(1, 3))) {
      assertThat(broker.cluster()).isEmpty();
      List<Address> addresses = List.of(Address.parseAddresses(broker.serviceAddresses()));
      assertThat(addresses).hasSize(1).allMatch(address -> address.getPort() != 5672);

      try (Connection connection = connect(addresses)) {
        assertThat(connection.isOpen()).isTrue();
      }
      broker.proxies().forEach(proxy -> proxy.cut());
      assertThatThrownBy(() -> connect(addresses).close()).isInstanceOf(IOException.class);
      // The suite's own connection goes past the proxies, so poison can be published meanwhile.
      try (Connection own = broker.connect("suite-broker-test")) {
        assertThat(own.isOpen()).isTrue();
      }
    }
  }

  private static Connection connect(List<Address> addresses) throws Exception {
    return new ConnectionFactory().newConnection(addresses, "suite-broker-test");
  }
}
