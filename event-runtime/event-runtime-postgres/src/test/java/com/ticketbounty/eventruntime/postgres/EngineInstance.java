package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.EventCodec;
import com.ticketbounty.eventruntime.internal.engine.CelExpressions;
import com.ticketbounty.eventruntime.internal.engine.Engine;
import com.ticketbounty.eventruntime.internal.engine.EngineLoop;
import com.ticketbounty.eventruntime.internal.engine.EngineSettings;
import com.ticketbounty.eventruntime.internal.engine.StepOverrides;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.util.Collection;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running engine as a service instance runs it: a fixed pool of attempt threads, an elastic
 * pool of step-body threads and its {@link EngineLoop}, named after the worker id. Closing stops
 * this instance alone (a deploy that replaces it) and waits, so that nothing of it touches the
 * store afterwards.
 */
final class EngineInstance implements AutoCloseable {
  private final Engine engine;
  private final ExecutorService workers;
  private final ExecutorService branches;
  private final ScheduledExecutorService timer;
  private final EngineLoop loop;

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
    timer = Executors.newScheduledThreadPool(2, EngineThreads.named(name + EngineThreads.LOOP));
    engine =
        Engine.create(
            store,
            functions,
            new CelExpressions(),
            settings,
            new Random(PostgresEngines.SEED),
            StepOverrides.NONE,
            workers,
            branches,
            codec);
    loop = new EngineLoop(engine, settings, timer);
  }

  static EngineInstance start(
      RunStore store,
      Collection<DurableFunction> functions,
      EngineSettings settings,
      EventCodec codec) {
    EngineInstance instance = new EngineInstance(store, functions, settings, codec);
    instance.loop.start();
    return instance;
  }

  Engine engine() {
    return engine;
  }

  /** Stops polling first, then the attempts, then the bodies, each awaited. */
  @Override
  public void close() throws InterruptedException {
    loop.close();
    for (ExecutorService pool : new ExecutorService[] {timer, workers, branches}) {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
