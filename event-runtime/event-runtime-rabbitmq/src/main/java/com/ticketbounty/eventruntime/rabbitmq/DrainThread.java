package com.ticketbounty.eventruntime.rabbitmq;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter drain's own thread, for everything that may block or wait: store calls, their
 * back-off, re-consuming a queue. None of it may run on amqp-client's dispatch threads, which every
 * consumer of the connection shares. Dead letters are rare, so one thread is enough; work handed to
 * it after {@link #close} is dropped, and the broker redelivers what was not acked.
 */
final class DrainThread {
  private static final Logger LOG = LoggerFactory.getLogger(DrainThread.class);

  private final ScheduledExecutorService executor;

  DrainThread(String name) {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  void run(Runnable task) {
    runAfter(task, Duration.ZERO);
  }

  void runAfter(Runnable task, Duration delay) {
    try {
      executor.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("The dead-letter drain is closed; dropped work is redelivered by the broker");
    }
  }

  /** Drops waiting work, interrupts the running task and waits for it up to {@code timeout}. */
  void close(Duration timeout) {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("The dead-letter drain's thread is still busy after {} ms", timeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A scheduled task's exception would vanish in its future: log it instead. */
  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("The dead-letter drain failed unexpectedly", e);
    }
  }
}
