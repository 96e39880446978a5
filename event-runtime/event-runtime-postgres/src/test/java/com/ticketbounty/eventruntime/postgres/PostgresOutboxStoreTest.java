package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresOutboxStoreTest {
  private static MigratedDatabase database;
  private static DataSource dataSource;
  private final OutboxWriter writer = new OutboxWriter();
  private final PostgresOutboxStore store = new PostgresOutboxStore(dataSource);

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("outbox", 6);
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void emptyOutbox() throws SQLException {
    execute("TRUNCATE event_runtime.outbox");
  }

  @Test
  void migratesIntoItsOwnSchemaWithItsOwnHistoryOnce() throws SQLException {
    long applied = count("SELECT count(*) FROM event_runtime.flyway_schema_history");

    RuntimeSchema.migrate(dataSource);

    assertThat(count("SELECT count(*) FROM event_runtime.flyway_schema_history"))
        .isEqualTo(applied);
    assertThat(
            count(
                "SELECT count(*) FROM event_runtime.flyway_schema_history"
                    + " WHERE version IS NOT NULL AND NOT success"))
        .isZero();
    assertThat(
            count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
        .isZero();
  }

  @Test
  void relaysCommittedRowsOnceAndMarksThemSent() throws Exception {
    OutboxMessage first = message("ticket-1", Map.of("traceparent", "00-abc-def-01"));
    OutboxMessage second = message("ticket-2", Map.of());
    insertCommitted(first, second);
    List<OutboxMessage> published = new ArrayList<>();

    int sent = store.relay(10, batch -> confirmAll(batch, published));
    int again = store.relay(10, batch -> confirmAll(batch, published));

    assertThat(sent).isEqualTo(2);
    assertThat(again).isZero();
    assertThat(published).containsExactly(first, second);
    assertThat(count("SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL"))
        .isZero();
  }

  @Test
  void neverSeesRowsOfARolledBackTransaction() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      writer.write(connection, message("ticket-1", Map.of()));
      connection.rollback();
    }
    List<OutboxMessage> published = new ArrayList<>();

    assertThat(store.relay(10, batch -> confirmAll(batch, published))).isZero();
    assertThat(published).isEmpty();
  }

  @Test
  void keepsUnconfirmedRowsAndTheirAggregatesFollowersForTheNextPass() throws Exception {
    OutboxMessage a1 = message("a", Map.of());
    OutboxMessage a2 = message("a", Map.of());
    OutboxMessage b1 = message("b", Map.of());
    insertCommitted(a1, a2, b1);

    int sent =
        store.relay(
            10,
            batch ->
                batch.stream()
                    .map(OutboxMessage::eventId)
                    .filter(id -> !id.equals(a1.eventId()))
                    .collect(Collectors.toSet()));
    List<OutboxMessage> retried = new ArrayList<>();
    store.relay(10, batch -> confirmAll(batch, retried));

    assertThat(sent).isEqualTo(1);
    assertThat(retried).containsExactly(a1, a2);
  }

  @Test
  void leavesTheBatchUnsentWhenPublishingFails() throws Exception {
    insertCommitted(message("a", Map.of()));

    assertThatThrownBy(
            () ->
                store.relay(
                    10,
                    batch -> {
                      throw new IllegalStateException("broker gone");
                    }))
        .hasMessage("broker gone");
    assertThat(count("SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void twoRelaysPublishEveryEventOnceInOrderPerAggregate() throws Exception {
    Map<String, List<UUID>> written = new LinkedHashMap<>();
    for (int round = 0; round < 25; round++) {
      List<OutboxMessage> messages = new ArrayList<>();
      for (int aggregate = 0; aggregate < 20; aggregate++) {
        OutboxMessage message = message("ticket-" + aggregate, Map.of());
        messages.add(message);
        written
            .computeIfAbsent(message.aggregateKey(), k -> new ArrayList<>())
            .add(message.eventId());
      }
      insertCommitted(messages.toArray(OutboxMessage[]::new));
    }
    List<OutboxMessage> published = Collections.synchronizedList(new ArrayList<>());
    Set<String> relaysThatPublished = Collections.synchronizedSet(new HashSet<>());
    // Each relay's first batch waits until the other holds one too, so the two provably work the
    // outbox at once (a busy machine could otherwise let one drain it all before the other starts).
    CyclicBarrier bothSending = new CyclicBarrier(2);

    ExecutorService relays = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int relay = 0; relay < 2; relay++) {
        String name = "relay-" + relay;
        results.add(
            relays.submit(
                () -> {
                  int total = 0;
                  int sent;
                  do {
                    sent =
                        store.relay(
                            7,
                            batch -> {
                              if (relaysThatPublished.add(name)) {
                                awaitTheOther(bothSending);
                              }
                              return confirmAll(batch, published);
                            });
                    total += sent;
                  } while (sent > 0);
                  return total;
                }));
      }
      int total = results.get(0).get() + results.get(1).get();
      total += store.relay(500, batch -> confirmAll(batch, published));

      assertThat(total).isEqualTo(500);
    } finally {
      relays.shutdownNow();
    }

    assertThat(published).extracting(OutboxMessage::eventId).doesNotHaveDuplicates().hasSize(500);
    Map<String, List<UUID>> received = new LinkedHashMap<>();
    for (OutboxMessage message : published) {
      received
          .computeIfAbsent(message.aggregateKey(), k -> new ArrayList<>())
          .add(message.eventId());
    }
    assertThat(received).isEqualTo(written);
    assertThat(relaysThatPublished).containsExactlyInAnyOrder("relay-0", "relay-1");
  }

  private static void awaitTheOther(CyclicBarrier barrier) throws InterruptedException {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the other relay reserved no batch beside this one's", e);
    }
  }

  private static Set<UUID> confirmAll(List<OutboxMessage> batch, List<OutboxMessage> published) {
    published.addAll(batch);
    return batch.stream().map(OutboxMessage::eventId).collect(Collectors.toSet());
  }

  private void insertCommitted(OutboxMessage... messages) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (OutboxMessage message : messages) {
        writer.write(connection, message);
      }
      connection.commit();
    }
  }

  private static OutboxMessage message(String aggregate, Map<String, String> headers) {
    UUID id = UUID.randomUUID();
    return new OutboxMessage(
        id, "app/ticket.created", aggregate, "{\"id\":\"" + id + "\"}", headers);
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
