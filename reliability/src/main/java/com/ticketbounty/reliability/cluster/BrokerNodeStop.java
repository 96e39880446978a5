package com.ticketbounty.reliability.cluster;

import com.ticketbounty.bench.driver.Broker;
import com.ticketbounty.bench.driver.Clocks;
import com.ticketbounty.bench.driver.HttpPhases;
import com.ticketbounty.bench.driver.LaunchedSystem;
import com.ticketbounty.bench.driver.Phases;
import com.ticketbounty.bench.driver.Postgres;
import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.reliability.report.MarkedSection;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Must-show 2 of issue 14: the whole system on the 3-node cluster ({@code RABBITMQ_ADDRESSES}, set
 * by {@code ./cluster.sh}) under open-loop load through the gateway — tickets, each confirmed by
 * e-mail, and comments, each e-mailed to the ticket's owner — one broker node stopped for a phase
 * and started again; then every side effect is counted at the provider by idempotency key. The node
 * stopped is the one leading the most quorum queues, so the most leaders move.
 *
 * <p>Settings (system properties): {@code cluster.ticketRate} and {@code cluster.commentRate}
 * (requests/s, 4 each), {@code cluster.warmup} (20 s), {@code cluster.phase} (60 s: before, while
 * the node is down, after), {@code cluster.root} (the repository). Exits 1 when anything was lost
 * or doubled.
 */
public final class BrokerNodeStop {
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
  private static final int OWNERS = 4;
  private static final int COMMENTED_TICKETS = 8;

  private BrokerNodeStop() {}

  public static void main(String[] args) throws Exception {
    String addresses = System.getenv("RABBITMQ_ADDRESSES");
    if (addresses == null || addresses.isBlank()) {
      throw new IllegalStateException(
          "RABBITMQ_ADDRESSES must name the cluster's nodes: run ./cluster.sh, which starts it");
    }
    Path root = Path.of(System.getProperty("cluster.root", ".")).toAbsolutePath().normalize();
    double ticketRate = Double.parseDouble(System.getProperty("cluster.ticketRate", "4"));
    double commentRate = Double.parseDouble(System.getProperty("cluster.commentRate", "4"));
    Duration warmup = Duration.parse("PT" + System.getProperty("cluster.warmup", "20s"));
    Duration phase = Duration.parse("PT" + System.getProperty("cluster.phase", "60s"));
    Path runDirectory = root.resolve("reliability/target/cluster-run");
    int exit;
    try (Postgres postgres = new Postgres();
        Broker broker = new Broker();
        LaunchedSystem launched = new LaunchedSystem(root, runDirectory, postgres, broker)) {
      RunningSystem system = launched.get();
      List<Reconciliation> reconciliations =
          new BrokerNodeStop()
              .run(
                  system,
                  new ClusterNodes(root),
                  addresses,
                  ticketRate,
                  commentRate,
                  warmup,
                  phase,
                  root);
      exit = reconciliations.stream().anyMatch(r -> r.lost() > 0 || r.duplicated() > 0) ? 1 : 0;
    }
    System.exit(exit);
  }

  private List<Reconciliation> run(
      RunningSystem system,
      ClusterNodes nodes,
      String addresses,
      double ticketRate,
      double commentRate,
      Duration warmup,
      Duration phase,
      Path root)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    GatewayRequests requests = new GatewayRequests(system.gateway());
    HttpPhases accounts = new HttpPhases();
    List<String> owners = accounts.signUp(system, OWNERS);
    String commenter = accounts.signUp(system, 1).getFirst();
    String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
    List<UUID> commented =
        requests.openTickets(
            client,
            owners,
            IntStream.range(0, COMMENTED_TICKETS)
                .mapToObj(i -> "scale-" + run + "-target " + i)
                .toList());

    NodeStopReport report = new NodeStopReport();
    List<ClusterNodes.QueueState> before = nodes.queues();
    int node = ClusterNodes.leadingMost(before);
    report.fact(
        "cluster: 3 RabbitMQ 3.10 nodes on this host, `RABBITMQ_ADDRESSES=%s`"
            .formatted(addresses));
    report.fact(membership("before", before));
    report.fact("leaders before: %s; stopped node tb%d".formatted(leaders(before), node));

    long capacitySeconds = warmup.plus(phase.multipliedBy(3)).plusMinutes(2).toSeconds();
    String ticketTag = "scale-" + run + "-ticket";
    String commentTag = "scale-" + run + "-comment";
    ProviderJournal journal = new ProviderJournal(system.emails());
    long start = Clocks.wallMicros() + 100_000;
    TaggedLoad tickets =
        new TaggedLoad(
            "tickets",
            ticketTag,
            client,
            seq -> requests.openTicket(owners.get(seq % owners.size()), ticketTag + " " + seq),
            201,
            ticketRate,
            (int) (ticketRate * capacitySeconds));
    TaggedLoad comments =
        new TaggedLoad(
            "comments",
            commentTag,
            client,
            seq ->
                requests.comment(
                    commenter, commented.get(seq % commented.size()), commentTag + " " + seq),
            201,
            commentRate,
            (int) (commentRate * capacitySeconds));
    List<TaggedLoad> loads = List.of(tickets, comments);
    JournalReader reader = new JournalReader(journal, loads);
    Thread reading = reader.start();
    List<Thread> sending = loads.stream().map(load -> load.loop().start()).toList();

    long beforeFrom = start + warmup.toNanos() / 1_000;
    Clocks.sleepUntilMicros(beforeFrom + phase.toNanos() / 1_000);
    long stoppedAt = Clocks.wallMicros();
    nodes.stop(node);
    long stopTook = Clocks.wallMicros() - stoppedAt;
    report.fact(membership("while tb%d was down".formatted(node), nodes.queues()));
    Clocks.sleepUntilMicros(stoppedAt + phase.toNanos() / 1_000);
    long restartAt = Clocks.wallMicros();
    nodes.start(node);
    long backAt = Clocks.wallMicros();
    report.fact(
        "tb%d stopped in %.1f s, down %.0f s, its start took %.1f s"
            .formatted(
                node, stopTook / 1e6, (restartAt - stoppedAt) / 1e6, (backAt - restartAt) / 1e6));
    Clocks.sleepUntilMicros(backAt + phase.toNanos() / 1_000);
    long endAt = Clocks.wallMicros();
    loads.forEach(load -> load.loop().stop());
    for (Thread thread : sending) {
      thread.join(30_000);
    }
    long drainEnd = Phases.drain(() -> loads.stream().allMatch(TaggedLoad::settled), DRAIN_LIMIT);
    reader.stop();
    reading.join(5_000);
    report.fact(
        "settled %.1f s after the load stopped (limit %s)"
            .formatted((drainEnd - endAt) / 1e6, DRAIN_LIMIT));
    report.fact(membership("after tb%d came back".formatted(node), nodes.queues()));
    report.fact(
        "load: %.0f tickets/s and %.0f comments/s, open loop through the gateway; %s warm-up, then"
                .formatted(ticketRate, commentRate, warmup)
            + " windows before / during / after the stop");

    List<Window> windows =
        List.of(
            new Window("before", beforeFrom, stoppedAt),
            new Window("tb%d down".formatted(node), stoppedAt, backAt),
            new Window("after", backAt, endAt));
    for (Window window : windows) {
      for (TaggedLoad load : loads) {
        report.window(window, load, drainEnd);
      }
    }
    List<Reconciliation> reconciliations = loads.stream().map(TaggedLoad::reconcile).toList();
    reconciliations.forEach(report::reconciled);
    System.out.println(report.text());
    Path page = root.resolve("docs/scaling.md");
    if (Files.exists(page)) {
      new MarkedSection("broker-node-stop").write(page, report.markdown(reconciliations));
      System.out.println("written to " + page);
    }
    return reconciliations;
  }

  private static Map<String, Long> leaders(List<ClusterNodes.QueueState> queues) {
    return queues.stream()
        .collect(
            Collectors.groupingBy(
                ClusterNodes.QueueState::leader, java.util.TreeMap::new, Collectors.counting()));
  }

  private static String membership(String when, List<ClusterNodes.QueueState> queues) {
    long quorum = queues.stream().filter(q -> q.type().equals("quorum")).count();
    Map<Integer, Long> byMembers =
        queues.stream()
            .filter(q -> q.type().equals("quorum"))
            .collect(
                Collectors.groupingBy(
                    q -> q.members().size(), java.util.TreeMap::new, Collectors.counting()));
    Map<Integer, Long> byOnline =
        queues.stream()
            .filter(q -> q.type().equals("quorum"))
            .collect(
                Collectors.groupingBy(
                    ClusterNodes.QueueState::online,
                    java.util.TreeMap::new,
                    Collectors.counting()));
    return "queues %s: %d of %d quorum; queues by member count %s, by online members %s"
        .formatted(when, quorum, queues.size(), byMembers, byOnline);
  }

  /** Hands the provider's new e-mails to the loads every 200 ms. */
  private static final class JournalReader implements Runnable {
    private final ProviderJournal journal;
    private final List<TaggedLoad> loads;
    private volatile boolean stopped;

    JournalReader(ProviderJournal journal, List<TaggedLoad> loads) {
      this.journal = journal;
      this.loads = loads;
    }

    Thread start() {
      Thread thread = new Thread(this, "provider-journal");
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      while (!stopped) {
        read();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
      read();
    }

    private void read() {
      for (ProviderJournal.Email email : journal.newEmails()) {
        loads.forEach(load -> load.take(email));
      }
    }
  }
}
