package com.ticketbounty.reliability.faults;

import com.ticketbounty.reliability.cluster.ClusterNodes;
import java.io.IOException;
import java.time.Duration;

/**
 * One of the cluster's three RabbitMQ nodes stopped (its Erlang VM, as a crashed host would be
 * gone) — the one leading the most quorum queues, so the most leaders move — and started again: the
 * services, given every node, must fail over and lose or double nothing while the queues run on two
 * of three members, and the node must rejoin from its data.
 */
final class BrokerNodeDown implements Fault {
  private int stopped;

  @Override
  public int number() {
    return SuiteBroker.NEEDS_CLUSTER;
  }

  @Override
  public String description() {
    return "one of three RabbitMQ nodes stopped (the one leading the most quorum queues), then"
        + " started";
  }

  @Override
  public void inject(SuiteSystem system, Duration window) throws Exception {
    ClusterNodes nodes = nodes(system);
    stopped = ClusterNodes.leadingMost(nodes.queues());
    FaultPhase.say("fault %d: stopping node tb%d", number(), stopped);
    nodes.stop(stopped);
  }

  @Override
  public void lift(SuiteSystem system) throws IOException, InterruptedException {
    FaultPhase.say("fault %d: starting node tb%d", number(), stopped);
    nodes(system).start(stopped);
  }

  private static ClusterNodes nodes(SuiteSystem system) {
    return system
        .broker()
        .cluster()
        .orElseThrow(() -> new IllegalStateException("fault 7 runs on the 3-node cluster only"));
  }
}
