package com.ticketbounty.reliability.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 3-node cluster of {@code scripts/rabbitmq-cluster.sh}, through that script: the cluster
 * started and stopped, which node leads which quorum queue, and a node stopped (its Erlang VM, as a
 * crashed or rebooted host would be gone) and started again. Used by {@code ./cluster.sh} and by
 * the fault suite's fault 7.
 */
public final class ClusterNodes {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path script;

  public ClusterNodes(Path root) {
    this.script = root.resolve("scripts/rabbitmq-cluster.sh");
  }

  /** One queue as the cluster reports it. */
  public record QueueState(
      String name, String type, String leader, List<String> members, int online) {}

  public List<QueueState> queues() throws IOException, InterruptedException {
    List<QueueState> queues = new ArrayList<>();
    for (JsonNode queue : JSON.readTree(run("queues"))) {
      List<String> members = new ArrayList<>();
      queue.path("members").forEach(member -> members.add(member.asString()));
      queues.add(
          new QueueState(
              queue.path("name").asString(),
              queue.path("type").asString(),
              queue.path("leader").asString(""),
              List.copyOf(members),
              queue.path("online").size()));
    }
    return queues;
  }

  /** Stops node {@code n} (1..3); returns once it is down. */
  public void stop(int n) throws IOException, InterruptedException {
    run("stop-node", Integer.toString(n));
  }

  /** Starts node {@code n} again; returns once it runs (it rejoins the cluster from its data). */
  public void start(int n) throws IOException, InterruptedException {
    run("start-node", Integer.toString(n));
  }

  /**
   * Starts the three nodes and joins them (or finds them running); returns their AMQP addresses,
   * {@code host:port,host:port,host:port}.
   */
  public String startCluster() throws IOException, InterruptedException {
    return run("start")
        .lines()
        .filter(line -> line.startsWith("RABBITMQ_ADDRESSES="))
        .map(line -> line.substring("RABBITMQ_ADDRESSES=".length()))
        .findFirst()
        .orElseThrow(() -> new IOException("the cluster's start printed no addresses"));
  }

  /** Stops the three nodes and removes their data. */
  public void stopCluster() throws IOException, InterruptedException {
    run("stop");
  }

  /**
   * The node leading the most quorum queues (the first on a tie; node 1 when none has a leader):
   * stopping it moves the most leaders.
   */
  public static int leadingMost(List<QueueState> queues) {
    return queues.stream()
        .filter(queue -> queue.type().equals("quorum") && !queue.leader().isEmpty())
        .collect(Collectors.groupingBy(QueueState::leader, Collectors.counting()))
        .entrySet()
        .stream()
        // On a tie the lowest name is the greatest, so max() picks it: the first node.
        .max(
            Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(entry -> numberOf(entry.getKey()))
        .orElse(1);
  }

  /** The node number of a node name such as {@code tb2@localhost}. */
  static int numberOf(String node) {
    return Integer.parseInt(node.replaceAll("^[a-z]+(\\d+)@.*$", "$1"));
  }

  private String run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("%s failed: %s".formatted(command, output));
    }
    return output;
  }
}
