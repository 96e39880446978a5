package com.ticketbounty.reliability.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConnectionsTest {
  @Test
  void countsTheConnectionsOfEachServicesProcessAndZeroForOneWithout() {
    String ss =
        """
        0 0 127.0.0.1:40112 127.0.0.1:5672 users:(("java",pid=4101,fd=61))
        0 0 127.0.0.1:40114 127.0.0.1:5672 users:(("java",pid=4101,fd=62))
        0 0 127.0.0.1:40120 127.0.0.1:5672 users:(("java",pid=4202,fd=70))
        0 0 127.0.0.1:40130 127.0.0.1:5672 users:(("java",pid=9999,fd=12))
        """;
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("ticket-service", 4101L);
    pids.put("comment-service", 4202L);
    pids.put("gateway", 4303L);

    assertThat(BrokerConnections.perService(ss, pids))
        .containsExactly(
            Map.entry("ticket-service", 2.0),
            Map.entry("comment-service", 1.0),
            Map.entry("gateway", 0.0));
  }
}
