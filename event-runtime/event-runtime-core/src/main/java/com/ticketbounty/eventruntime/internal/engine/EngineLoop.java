package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.engine.EngineSettings;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an engine in production: polls for due runs (at once again while there is work, after
 * {@link EngineSettings#pollInterval()} when idle) and renews leases every third of their length.
 * Stopping is two steps, so that a graceful shutdown can stop claiming and still renew the leases
 * of the attempts it waits for: {@link #stopClaiming()}, then {@link #close()}.
 */
public final class EngineLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
  private static final long FULL_POOL_RECHECK_MILLIS = 10;

  private final Scheduler scheduler;
  private final EngineSettings settings;
  private final ScheduledExecutorService timer;
  private volatile boolean claiming = true;

  public EngineLoop(Engine engine, EngineSettings settings, ScheduledExecutorService timer) {
    this.scheduler = engine.scheduler();
    this.settings = settings;
    this.timer = timer;
  }

  public void start() {
    long renewMillis = settings.leaseFor().toMillis() / 3;
    timer.scheduleAtFixedRate(this::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    timer.execute(this::poll);
  }

  private void poll() {
    if (!claiming) {
      return;
    }
    long delay = settings.pollInterval().toMillis();
    try {
      if (scheduler.pollOnce() > 0) {
        delay = 0;
      } else if (scheduler.full()) {
        // Runs may be due but every worker is busy: look again as soon as one is likely free,
        // which costs nothing (no claim is made while full), instead of idling a whole interval.
        delay = Math.min(delay, FULL_POOL_RECHECK_MILLIS);
      }
    } catch (RuntimeException e) {
      LOG.warn("Polling for due runs failed; trying again", e);
    }
    if (!timer.isShutdown()) {
      timer.schedule(this::poll, delay, TimeUnit.MILLISECONDS);
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
    claiming = false;
  }

  /** Stops claiming and renewing: attempts still running lose their runs when their leases end. */
  @Override
  public void close() {
    claiming = false;
    timer.shutdown();
  }
}
