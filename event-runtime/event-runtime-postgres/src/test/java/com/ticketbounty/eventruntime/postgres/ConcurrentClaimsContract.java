package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract where two service instances act at once: each "instance" is its own thread (and, on
 * PostgreSQL, its own connection), released together by a latch.
 */
abstract class ConcurrentClaimsContract extends RunStoreContract {
  static final Map<String, Integer> LIMITS = Map.of("notify", 5);

  void createKeyed(String key, int count) {
    List<NewRun> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(newRun("notify", key));
    }
    store.createRuns(runs);
  }

  List<RunRecord> claimLimited(String owner, int max) {
    return store.claim(new Claim(owner, LONG, max, FUNCTIONS, LIMITS));
  }

  @Test
  void aKeyAtItsLimitDoesNotHoldBackOtherKeys() {
    createKeyed("user-1", 20);
    elapse(SHORT); // user-1's runs are all due before user-2's
    createKeyed("user-2", 2);

    List<RunRecord> first = claimLimited("worker-a", 5);
    List<RunRecord> second = claimLimited("worker-a", 5);

    assertThat(first).extracting(RunRecord::concurrencyKey).containsOnly("user-1").hasSize(5);
    assertThat(second).extracting(RunRecord::concurrencyKey).containsExactly("user-2", "user-2");
    assertThat(claimLimited("worker-b", 10)).as("user-1 is at its limit").isEmpty();
  }

  @Test
  void twoInstancesClaimingAtOnceNeverLeaseMoreThanTheLimitOfAKey() throws Exception {
    createKeyed("user-1", 20);
    createKeyed("user-2", 3);
    CountDownLatch start = new CountDownLatch(1);

    CompletableFuture<List<RunRecord>> a = claimRounds("instance-a", start);
    CompletableFuture<List<RunRecord>> b = claimRounds("instance-b", start);
    start.countDown();
    List<RunRecord> all = new ArrayList<>(a.get(30, TimeUnit.SECONDS));
    all.addAll(b.get(30, TimeUnit.SECONDS));

    assertThat(all).filteredOn(run -> "user-1".equals(run.concurrencyKey())).hasSize(5);
    assertThat(all).filteredOn(run -> "user-2".equals(run.concurrencyKey())).hasSize(3);
    assertThat(all).extracting(RunRecord::id).doesNotHaveDuplicates();
    assertThat(all).allMatch(run -> run.status() == RunStatus.RUNNING);
  }

  /** Claims in rounds of 4 runs until a round finds nothing, as a poller would. */
  private CompletableFuture<List<RunRecord>> claimRounds(String owner, CountDownLatch start) {
    Supplier<List<RunRecord>> rounds =
        () -> {
          await(start);
          List<RunRecord> claimed = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            claimed.addAll(claimLimited(owner, 4));
          }
          return claimed;
        };
    return CompletableFuture.supplyAsync(rounds);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void twoInstancesStartingACronTickAtOnceCreateOneRun() throws Exception {
    Instant tick = Instant.parse("2030-01-01T10:00:00Z");
    List<NewRun> runs = List.of(newRun("digest", null), newRun("digest", null));
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Optional<RunRecord>>> starters = new ArrayList<>();
    for (NewRun run : runs) {
      starters.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return store.startCronTick(tick, run);
              }));
    }
    start.countDown();

    List<Boolean> won = new ArrayList<>();
    for (CompletableFuture<Optional<RunRecord>> starter : starters) {
      won.add(starter.get(10, TimeUnit.SECONDS).isPresent());
    }
    assertThat(won).containsExactlyInAnyOrder(true, false);
    assertThat(runs).filteredOn(run -> store.run(run.id()).isPresent()).hasSize(1);
  }
}
