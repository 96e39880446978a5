package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.test.TestRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The scenarios on the kit's {@link TestRuntime}: a test clock moved by minutes, one thread. */
final class InMemoryEngineDriver implements EngineDriver {
  private final TestRuntime runtime = new TestRuntime();

  @Override
  public Duration unit() {
    return Duration.ofMinutes(1);
  }

  @Override
  public boolean runsBranchesConcurrently() {
    return false;
  }

  @Override
  public void limits(Limits limits) {
    runtime.limits(limits);
  }

  @Override
  public void register(DurableFunction... functions) {
    runtime.register(functions);
  }

  @Override
  public void redeploy(DurableFunction... functions) {
    runtime.redeploy(functions);
  }

  @Override
  public EventEnvelope send(Object contract) {
    return runtime.send(contract);
  }

  @Override
  public void advance(Duration duration) {
    runtime.advance(duration);
  }

  @Override
  public Instant now() {
    return runtime.clock().instant();
  }

  @Override
  public boolean replay(UUID runId) {
    return runtime.replay(runId);
  }

  @Override
  public boolean cancel(UUID runId) {
    return runtime.cancel(runId);
  }

  @Override
  public RunRecord run(UUID runId) {
    return runtime.run(runId);
  }

  @Override
  public RunRecord reached(UUID runId, RunStatus status) {
    RunRecord run = runtime.run(runId);
    assertThat(run.status()).as("run %s", runId).isEqualTo(status);
    return run;
  }

  @Override
  public List<RunRecord> runs(String functionId) {
    return runtime.runs(functionId);
  }

  @Override
  public List<StepRecord> steps(UUID runId) {
    return runtime.steps(runId);
  }

  @Override
  public List<StepRecord> stepLog(UUID runId) {
    return runtime.store().stepLog(runId);
  }

  @Override
  public List<EventEnvelope> sentEvents() {
    return runtime.sentEvents();
  }

  @Override
  public void close() {}
}
