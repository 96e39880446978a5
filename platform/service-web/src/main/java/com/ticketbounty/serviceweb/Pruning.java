package com.ticketbounty.serviceweb;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has outlived its use, once a minute on a daemon thread of its own. A failure is
 * logged and tried again a minute later; it never touches request handling.
 */
public final class Pruning implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pruning.class);

  private final ScheduledExecutorService executor;

  private Pruning(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static Pruning everyMinute(String what, Runnable prune) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, what + "-pruning");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            prune.run();
          } catch (RuntimeException e) {
            log.warn("Pruning {} failed; next try in a minute", what, e);
          }
        },
        1,
        1,
        TimeUnit.MINUTES);
    return new Pruning(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
