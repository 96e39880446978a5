package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only the gateway faces the network: the run command's services listen on loopback
 * (SERVER_ADDRESS, 127.0.0.1 by default), so another machine reaches them through the gateway only;
 * every management port (actuator), the gateway's included, listens on loopback too.
 */
@ExtendWith(SharedSystem.class)
class ListeningAddressesSystemTest {

  @Test
  void everyServiceButTheGatewayListensOnLoopbackOnly() throws Exception {
    RunCommand system = SharedSystem.system();
    for (String process : RunCommand.PROCESSES) {
      if (!process.equals("gateway")) {
        assertThat(ListeningSockets.on(system.port(process)))
            .as(process)
            .isNotEmpty()
            .allMatch(InetAddress::isLoopbackAddress);
      }
    }
  }

  @Test
  void everyManagementPortListensOnLoopbackOnly() throws Exception {
    RunCommand system = SharedSystem.system();
    for (String process : RunCommand.PROCESSES) {
      assertThat(ListeningSockets.on(system.managementPort(process)))
          .as(process + "'s management port")
          .isNotEmpty()
          .allMatch(InetAddress::isLoopbackAddress);
    }
  }

  @Test
  void theGatewayListensOnEveryInterface() throws Exception {
    assertThat(ListeningSockets.on(SharedSystem.system().port("gateway")))
        .anyMatch(InetAddress::isAnyLocalAddress);
  }
}
