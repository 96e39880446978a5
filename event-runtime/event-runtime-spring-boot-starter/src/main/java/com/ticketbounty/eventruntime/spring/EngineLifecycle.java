package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.internal.engine.CronScheduler;
import com.ticketbounty.eventruntime.internal.engine.Engine;
import com.ticketbounty.eventruntime.internal.engine.EngineLoop;
import com.ticketbounty.eventruntime.internal.engine.EngineSettings;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the durable-function engine with the application context: the {@link EngineLoop} (claims and
 * lease renewal) and the {@link CronScheduler}. It starts before the consumers and stops after
 * them. Stopping stops claiming, then waits up to the shutdown timeout for running attempts to
 * finish, renewing their leases meanwhile, so that a step finishing late in the grace period is
 * still recorded (not fenced off and run again elsewhere); attempts still running after that are
 * not interrupted (an interrupt mid-step would look like a step failure) but abandoned with the
 * JVM: renewal stops, and their runs resume elsewhere once their leases expire.
 */
final class EngineLifecycle implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(EngineLifecycle.class);

  private final Engine engine;
  private final RunStore store;
  private final EngineSettings settings;
  private final EngineWorkers workers;
  private final EventRuntimeProperties.Engine properties;
  private @Nullable EngineLoop loop;
  private @Nullable ScheduledExecutorService cronTimer;

  EngineLifecycle(
      Engine engine,
      RunStore store,
      EngineSettings settings,
      EngineWorkers workers,
      EventRuntimeProperties.Engine properties) {
    this.engine = engine;
    this.store = store;
    this.settings = settings;
    this.workers = workers;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    EngineLoop started =
        new EngineLoop(engine, settings, timer(settings.service() + "-engine-loop"));
    started.start();
    loop = started;
    CronScheduler cron = new CronScheduler(engine, store);
    if (cron.hasSchedules()) {
      ScheduledExecutorService timer = timer(settings.service() + "-cron");
      long every = properties.cronPollInterval().toMillis();
      // The first look catches up the missed tick; a failed look is repeated at the next one.
      timer.scheduleWithFixedDelay(
          () -> guarded(cron::pollOnce, "Looking for cron ticks"), 0, every, TimeUnit.MILLISECONDS);
      cronTimer = timer;
    }
  }

  @Override
  public synchronized void stop() {
    if (loop == null) {
      return;
    }
    EngineLoop stopping = loop;
    stopping.stopClaiming();
    loop = null;
    if (cronTimer != null) {
      cronTimer.shutdown();
      cronTimer = null;
    }
    workers.attempts().shutdown();
    Duration timeout = properties.shutdownTimeout();
    try {
      if (!workers.attempts().awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "Attempts still running after {}; their runs resume when their leases expire", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopping.close();
    }
    workers.branches().shutdown();
  }

  @Override
  public synchronized boolean isRunning() {
    return loop != null;
  }

  /** Below the consumers' phase: starts before them, stops after them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }

  private static void guarded(Runnable task, String what) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed; trying again at the next look", what, e);
    }
  }

  private static ScheduledExecutorService timer(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
