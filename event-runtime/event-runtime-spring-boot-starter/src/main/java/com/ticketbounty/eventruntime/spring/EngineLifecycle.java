package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.engine.DurableEngine;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the durable-function engine with the application context. It starts before the consumers and
 * stops after them. Stopping is {@link DurableEngine#shutdown}: no new claim, running attempts
 * finish within the shutdown timeout while their leases are still renewed, so a step finishing late
 * in the grace period is kept; attempts still running after that are not interrupted (an interrupt
 * mid-step would look like a step failure) but abandoned with the JVM, and their runs resumed
 * elsewhere once their leases expire.
 */
final class EngineLifecycle implements SmartLifecycle {
  private final DurableEngine engine;
  private final EngineWorkers workers;
  private final EventRuntimeProperties.Engine properties;
  private boolean running;

  EngineLifecycle(
      DurableEngine engine, EngineWorkers workers, EventRuntimeProperties.Engine properties) {
    this.engine = engine;
    this.workers = workers;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    engine.start();
    running = true;
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    engine.shutdown(properties.shutdownTimeout());
    workers.attempts().shutdown();
    workers.branches().shutdown();
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /** Below the consumers' phase: starts before them, stops after them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }
}
