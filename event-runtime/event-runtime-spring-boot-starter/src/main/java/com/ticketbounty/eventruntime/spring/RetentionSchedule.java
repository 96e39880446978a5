package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.postgres.RetentionPruner;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the retention pruner every interval on a thread of its own. Every instance may prune: the
 * deletes skip rows another instance holds, so they never wait on each other.
 */
final class RetentionSchedule implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionPruner pruner;
  private final RetentionProperties properties;
  private @Nullable ScheduledExecutorService timer;

  RetentionSchedule(RetentionPruner pruner, RetentionProperties properties) {
    this.pruner = pruner;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "event-runtime-retention");
              thread.setDaemon(true);
              return thread;
            });
    long every = properties.interval().toMillis();
    started.scheduleWithFixedDelay(this::prune, every, every, TimeUnit.MILLISECONDS);
    timer = started;
  }

  void prune() {
    try {
      Map<String, Integer> deleted = pruner.prune(properties.period(), properties.auditPeriod());
      LOG.info("Pruned records older than {}: {}", properties.period(), deleted);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Pruning failed; it runs again in {}: {}", properties.interval(), e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
