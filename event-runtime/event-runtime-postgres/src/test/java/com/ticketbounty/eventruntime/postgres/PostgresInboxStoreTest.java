package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresInboxStoreTest {
  private static MigratedDatabase database;
  private static DataSource dataSource;
  private final PostgresInboxStore inbox = new PostgresInboxStore(dataSource);

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("inbox", 4);
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void runsTheWorkOncePerSubscriptionAndEvent() throws Exception {
    UUID event = UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();

    boolean first = inbox.processOnce("confirmation", event, runs::incrementAndGet);
    boolean duplicate = inbox.processOnce("confirmation", event, runs::incrementAndGet);
    boolean otherSubscription = inbox.processOnce("analytics", event, runs::incrementAndGet);

    assertThat(first).isTrue();
    assertThat(duplicate).isFalse();
    assertThat(otherSubscription).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void recordsNothingWhenTheWorkFails() throws Exception {
    UUID event = UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                inbox.processOnce(
                    "confirmation",
                    event,
                    () -> {
                      runs.incrementAndGet();
                      throw new IllegalStateException("provider down");
                    }))
        .hasMessage("provider down");
    boolean retried = inbox.processOnce("confirmation", event, runs::incrementAndGet);

    assertThat(retried).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void aConcurrentDuplicateWaitsForTheFirstAndIsDropped() throws Exception {
    UUID event = UUID.randomUUID();
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();

    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () ->
                call(
                    event,
                    () -> {
                      runs.incrementAndGet();
                      firstInside.countDown();
                      releaseFirst.await(10, TimeUnit.SECONDS);
                    }));
    assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> duplicate =
        CompletableFuture.supplyAsync(() -> call(event, runs::incrementAndGet));
    releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(duplicate.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(runs).hasValue(1);
  }

  private boolean call(UUID event, com.ticketbounty.eventruntime.spi.InboxStore.Work work) {
    try {
      return inbox.processOnce("confirmation", event, work);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
