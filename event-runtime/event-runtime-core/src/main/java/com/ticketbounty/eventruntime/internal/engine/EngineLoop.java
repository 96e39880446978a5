package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.engine.EngineSettings;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an engine in production: claims due runs and renews leases every third of their length.
 *
 * <p>When it claims: at once again while a claim found work; when woken — by this instance making a
 * run due now ({@link DueTimes}, the local hand-off) or by the store telling of a run made due
 * elsewhere ({@link #wake()}, from {@code RunStore.onDue}); at the earliest due time this instance
 * wrote itself; and otherwise after {@link EngineSettings#pollInterval()}, the safety net for what
 * nothing announces (an expired lease, a lost notification). A wake during a claim makes another
 * claim right after it, so none is lost; wakes while the next claim is pending merge into it.
 *
 * <p>Stopping is two steps, so that a graceful shutdown can stop claiming and still renew the
 * leases of the attempts it waits for: {@link #stopClaiming()}, then {@link #close()}.
 */
public final class EngineLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
  private static final long FULL_POOL_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Scheduler scheduler;
  private final DueTimes due;
  private final EngineSettings settings;
  private final ScheduledExecutorService timer;
  private final Object lock = new Object();
  private volatile boolean claiming = true;
  // Guarded by lock: the claim scheduled next and when (System.nanoTime()), or the earliest wake
  // asked for while a claim runs.
  private @Nullable ScheduledFuture<?> next;
  private long nextAt;
  private boolean polling;
  private long wakeDuringPoll = Long.MAX_VALUE;

  public EngineLoop(Engine engine, EngineSettings settings, ScheduledExecutorService timer) {
    this.scheduler = engine.scheduler();
    this.due = engine.dueTimes();
    this.settings = settings;
    this.timer = timer;
  }

  public void start() {
    long renewMillis = settings.leaseFor().toMillis() / 3;
    timer.scheduleAtFixedRate(this::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    due.wakeWith(this::wakeAt);
    scheduler.handOffs(true);
    wake();
  }

  /** Claims as soon as possible: a run may have become due. Returns at once; any thread. */
  public void wake() {
    wakeAt(System.nanoTime());
  }

  /** Makes sure a claim starts no later than {@code deadline} ({@link System#nanoTime()}). */
  private void wakeAt(long deadline) {
    synchronized (lock) {
      if (!claiming) {
        return;
      }
      if (polling) {
        wakeDuringPoll = Math.min(wakeDuringPoll, deadline);
        return;
      }
      if (next != null) {
        if (nextAt - deadline <= 0 || !next.cancel(false)) {
          // Already due by then, or starting now: that claim covers this wake.
          return;
        }
      }
      schedule(deadline);
    }
  }

  private void poll() {
    synchronized (lock) {
      if (!claiming) {
        return;
      }
      polling = true;
      next = null;
      wakeDuringPoll = Long.MAX_VALUE;
    }
    long started = System.nanoTime();
    long delay = settings.pollInterval().toNanos();
    due.claiming(started);
    try {
      if (scheduler.pollOnce() > 0) {
        delay = 0;
      } else if (scheduler.full()) {
        // Runs may be due but every worker is busy: look again as soon as one is likely free,
        // which costs nothing (no claim is made while full), instead of idling a whole interval.
        delay = Math.min(delay, FULL_POOL_RECHECK_NANOS);
      }
    } catch (RuntimeException e) {
      LOG.warn("Polling for due runs failed; trying again", e);
    }
    synchronized (lock) {
      polling = false;
      if (!claiming) {
        return;
      }
      long at = System.nanoTime() + delay;
      for (long wake : new long[] {due.earliest(), wakeDuringPoll}) {
        if (wake != Long.MAX_VALUE && wake - at < 0) {
          at = wake;
        }
      }
      schedule(at);
    }
  }

  /** Schedules the next claim; called holding the lock. */
  private void schedule(long at) {
    if (timer.isShutdown()) {
      return;
    }
    try {
      nextAt = at;
      next = timer.schedule(this::poll, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      next = null; // closing
    }
  }

  private void renew() {
    try {
      scheduler.renewLeases();
    } catch (RuntimeException e) {
      LOG.warn("Renewing leases failed; trying again", e);
    }
  }

  /** Claims nothing more; the leases of attempts in flight are still renewed until closed. */
  public void stopClaiming() {
    scheduler.handOffs(false);
    synchronized (lock) {
      claiming = false;
      if (next != null) {
        next.cancel(false);
        next = null;
      }
    }
    due.wakeWith(deadline -> {});
  }

  /** Stops claiming and renewing: attempts still running lose their runs when their leases end. */
  @Override
  public void close() {
    stopClaiming();
    timer.shutdown();
  }
}
