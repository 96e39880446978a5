package com.ticketbounty.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNodesTest {
  private static final List<String> ALL =
      List.of("tb1@localhost", "tb2@localhost", "tb3@localhost");

  @Test
  void picksTheNodeLeadingTheMostQuorumQueues() {
    List<ClusterNodes.QueueState> queues =
        List.of(
            quorum("a", "tb1@localhost"),
            quorum("b", "tb3@localhost"),
            quorum("c", "tb3@localhost"),
            // A classic queue's node is not a leader of anything replicated.
            new ClusterNodes.QueueState("d", "classic", "tb1@localhost", List.of(), 1),
            new ClusterNodes.QueueState("e", "classic", "tb1@localhost", List.of(), 1));

    assertThat(ClusterNodes.leadingMost(queues)).isEqualTo(3);
  }

  @Test
  void takesTheFirstNodeOnATieAndNodeOneWhenNoQueueHasALeader() {
    assertThat(
            ClusterNodes.leadingMost(
                List.of(quorum("a", "tb2@localhost"), quorum("b", "tb3@localhost"))))
        .isEqualTo(2);
    assertThat(ClusterNodes.leadingMost(List.of(quorum("a", "")))).isEqualTo(1);
  }

  private static ClusterNodes.QueueState quorum(String name, String leader) {
    return new ClusterNodes.QueueState(name, "quorum", leader, ALL, 3);
  }
}
