package com.ticketbounty.reliability.faults;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.ticketbounty.bench.driver.Broker;
import com.ticketbounty.reliability.cluster.ClusterNodes;
import com.ticketbounty.testsupport.TcpProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The RabbitMQ the suite's system runs on and the TCP proxies its services reach it through: the
 * machine's broker (5672) behind one proxy, or — when fault 7 is chosen — the 3-node cluster of
 * {@code scripts/rabbitmq-cluster.sh} behind one proxy per node, every service given all three
 * ({@code RABBITMQ_ADDRESSES}) so that amqp-client fails over when a node is gone. The suite's own
 * publishing and clean-up reach the nodes directly, not through the proxies that fault 3 cuts.
 * {@link #close()} stops the cluster, if it started one.
 */
final class SuiteBroker implements AutoCloseable {
  /** Fault 7 stops a broker node, so its suite runs on the cluster. */
  static final int NEEDS_CLUSTER = 7;

  private final List<Address> nodes;
  private final List<TcpProxy> proxies;
  private final Optional<ClusterNodes> cluster;

  private SuiteBroker(List<Address> nodes, Optional<ClusterNodes> cluster) {
    this.nodes = List.copyOf(nodes);
    this.proxies = nodes.stream().map(node -> TcpProxy.to(node.getHost(), node.getPort())).toList();
    this.cluster = cluster;
  }

  /** The machine's broker, 127.0.0.1:5672. */
  static SuiteBroker machine() {
    return new SuiteBroker(List.of(new Address("127.0.0.1", 5672)), Optional.empty());
  }

  /** The cluster when {@code faults} include {@link #NEEDS_CLUSTER}, else the machine's broker. */
  static SuiteBroker start(Path root, List<Integer> faults)
      throws IOException, InterruptedException {
    if (!faults.contains(NEEDS_CLUSTER)) {
      return machine();
    }
    ClusterNodes cluster = new ClusterNodes(root);
    String addresses = cluster.startCluster();
    return new SuiteBroker(Arrays.asList(Address.parseAddresses(addresses)), Optional.of(cluster));
  }

  /** The proxies, one per node, as {@code RABBITMQ_ADDRESSES} for the services. */
  String serviceAddresses() {
    return proxies.stream()
        .map(proxy -> proxy.host() + ":" + proxy.port())
        .collect(Collectors.joining(","));
  }

  /** Every service's connections to RabbitMQ: cutting them all cuts RabbitMQ off. */
  List<TcpProxy> proxies() {
    return proxies;
  }

  /** The 3-node cluster, when the suite runs on it. */
  Optional<ClusterNodes> cluster() {
    return cluster;
  }

  /** A connection of the suite's own, to the first node that accepts, past the proxies. */
  Connection connect(String name) throws IOException, TimeoutException {
    ConnectionFactory factory = new ConnectionFactory();
    return factory.newConnection(nodes, name);
  }

  /** Deletes the queues and exchanges named under {@code prefix}; reports what it cannot. */
  void deleteAll(String prefix) {
    try (Broker broker = new Broker(nodes)) {
      broker.deleteAll(queuesNamed(prefix), List.of(prefix + "events", prefix + "events.dlx"));
    } catch (IOException | TimeoutException | InterruptedException e) {
      System.err.println("[faults] could not delete the queues named " + prefix + "*: " + e);
    }
  }

  private List<String> queuesNamed(String prefix) throws IOException, InterruptedException {
    if (cluster.isEmpty()) {
      return Broker.queuesNamed(prefix);
    }
    return cluster.get().queues().stream()
        .map(ClusterNodes.QueueState::name)
        .filter(name -> name.startsWith(prefix))
        .toList();
  }

  @Override
  public void close() {
    proxies.forEach(TcpProxy::close);
    if (cluster.isPresent()) {
      try {
        cluster.get().stopCluster();
      } catch (IOException e) {
        System.err.println("[faults] could not stop the RabbitMQ cluster: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
