package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run store that counts the intake's transactions (each {@code createRuns} or {@code
 * createLeasedRuns} call is one), holds the first one until released — so that the deliveries
 * published meanwhile wait on the channel, as a burst does under load — and can fail the intake
 * transaction that writes more than one run right after it commits.
 */
final class IntakeGate extends ForwardingRunStore {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger transactions = new AtomicInteger();
  private final AtomicInteger failuresToCome;

  private IntakeGate(RunStore store, int failures) {
    super(store);
    this.failuresToCome = new AtomicInteger(failures);
  }

  static IntakeGate holding(RunStore store) {
    return new IntakeGate(store, 0);
  }

  /**
   * Fails, once, the first batch's intake after its commit: the runs exist, the acks never come.
   */
  static IntakeGate failingABatchOnce(RunStore store) {
    return new IntakeGate(store, 1);
  }

  @Override
  public List<RunRecord> createRuns(List<NewRun> runs) {
    enter();
    return failAfter(runs, super.createRuns(runs));
  }

  @Override
  public List<RunRecord> createLeasedRuns(List<NewRun> runs, String owner, Duration leaseFor) {
    enter();
    return failAfter(runs, super.createLeasedRuns(runs, owner, leaseFor));
  }

  /** Waits until the first intake transaction is held. */
  void awaitHeld() throws InterruptedException {
    if (!entered.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("no intake reached the store");
    }
  }

  void release() {
    released.countDown();
  }

  int transactions() {
    return transactions.get();
  }

  private void enter() {
    transactions.incrementAndGet();
    entered.countDown();
    try {
      if (!released.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the intake");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<RunRecord> failAfter(List<NewRun> runs, List<RunRecord> created) {
    if (runs.size() > 1 && failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the connection broke after the commit");
    }
    return created;
  }
}
