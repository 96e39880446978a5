package com.ticketbounty.bench.subject;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;

/** The function as a DBOS workflow: one {@code runStep} per step, each checkpointed by DBOS. */
public final class DbosWorkflow implements BenchWorkflow {
  private final DBOS dbos;
  private final StepWork work;

  DbosWorkflow(DBOS dbos, StepWork work) {
    this.dbos = dbos;
    this.work = work;
  }

  @Override
  @Workflow(name = "process")
  public String process(String eventId, int steps) {
    String result = "";
    for (int i = 1; i <= steps; i++) {
      int step = i;
      result =
          dbos.runStep(
              () -> work.runUnchecked(eventId, step, eventId + ":" + step), "step-" + step);
    }
    return result;
  }
}
