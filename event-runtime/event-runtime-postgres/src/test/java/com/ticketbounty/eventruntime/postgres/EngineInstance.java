package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One running engine as a service instance runs it: a fixed pool of attempt threads and an elastic
 * pool of step-body threads, named after the worker id, and its loop. Closing stops this instance
 * alone (a deploy that replaces it) and waits, so that nothing of it touches the store afterwards.
 */
final class EngineInstance implements AutoCloseable {
  private final DurableEngine engine;
  private final ExecutorService workers;
  private final ExecutorService branches;

  private EngineInstance(
      RunStore store,
      Collection<DurableFunction> functions,
      EngineSettings settings,
      EventCodec codec) {
    String name = settings.workerId();
    workers =
        Executors.newFixedThreadPool(
            settings.workers(), EngineThreads.named(name + EngineThreads.ATTEMPT));
    branches = Executors.newCachedThreadPool(EngineThreads.named(name + EngineThreads.STEP));
    engine =
        DurableEngine.builder(store, settings)
            .codec(codec)
            .functions(functions)
            .random(new Random(PostgresEngines.SEED))
            .executors(workers, branches)
            .cronPollInterval(Duration.ZERO)
            .build();
  }

  static EngineInstance start(
      RunStore store,
      Collection<DurableFunction> functions,
      EngineSettings settings,
      EventCodec codec) {
    EngineInstance instance = new EngineInstance(store, functions, settings, codec);
    instance.engine.start();
    return instance;
  }

  DurableEngine engine() {
    return engine;
  }

  /** Stops polling first, then the attempts, then the bodies, each awaited. */
  @Override
  public void close() throws InterruptedException {
    engine.close();
    for (ExecutorService pool : new ExecutorService[] {workers, branches}) {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
