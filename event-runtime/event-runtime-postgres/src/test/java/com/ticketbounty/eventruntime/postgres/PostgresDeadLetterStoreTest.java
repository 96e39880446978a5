package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore.Stored;
import com.ticketbounty.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresDeadLetterStoreTest {
  private static TestDatabase database;
  private static PostgresDeadLetterStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create("deadletters");
    RuntimeSchema.migrate(database.dataSource());
    store = new PostgresDeadLetterStore(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void keepsABodyThatIsNotEvenUtf8AndItsReason() {
    byte[] body = {(byte) 0xff, (byte) 0xfe, '{'};
    DeadLetter letter =
        new DeadLetter("q.binary", "m-1", null, "body is not JSON", body, Map.of("a", "b"));

    store.save(letter);

    Stored stored = only("q.binary");
    assertThat(stored.letter()).isEqualTo(letter);
    assertThat(stored.redrivenAt()).isNull();
  }

  @Test
  void keepsOneLiveRecordPerMessageWhenDrainedTwice() {
    DeadLetter letter = letter("q.twice", "m-2");

    store.save(letter);
    store.save(letter);

    assertThat(store.list(100)).filteredOn(s -> s.letter().queue().equals("q.twice")).hasSize(1);
  }

  @Test
  void marksARedriveOnceAndKeepsANewDeathOfTheSameMessage() {
    store.save(letter("q.redrive", "m-3"));
    Stored first = only("q.redrive");

    boolean marked = store.markRedriven(first.id());
    boolean markedAgain = store.markRedriven(first.id());
    store.save(letter("q.redrive", "m-3"));

    assertThat(marked).isTrue();
    assertThat(markedAgain).isFalse();
    assertThat(store.find(first.id()).orElseThrow().redrivenAt()).isNotNull();
    assertThat(only("q.redrive").id()).isNotEqualTo(first.id());
  }

  @Test
  void keepsARedrivenMessageThatDiedAgainBeforeItsRedriveWasMarked() {
    store.save(letter("q.race", "m-4"));
    Stored first = only("q.race");

    // The redriven copy dies and is drained before the redrive marks the first record.
    store.save(
        new DeadLetter(
            "q.race",
            "m-4",
            "app/ticket.created",
            "body is not JSON",
            "{}".getBytes(StandardCharsets.UTF_8),
            Map.of("x-redriven-from", Long.toString(first.id()))));
    boolean markedByTheRedrive = store.markRedriven(first.id());

    assertThat(markedByTheRedrive).isFalse();
    assertThat(store.find(first.id()).orElseThrow().redrivenAt()).isNotNull();
    Stored again = only("q.race");
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.letter().reason()).isEqualTo("body is not JSON");
  }

  private static Stored only(String queue) {
    List<Stored> live =
        store.list(100).stream().filter(s -> s.letter().queue().equals(queue)).toList();
    assertThat(live).hasSize(1);
    return live.get(0);
  }

  private static DeadLetter letter(String queue, String messageId) {
    return new DeadLetter(
        queue,
        messageId,
        "app/ticket.created",
        "delivery limit reached",
        "{}".getBytes(StandardCharsets.UTF_8),
        Map.of());
  }
}
