package com.ticketbounty.bench.subject;

/** DBOS's workflows are called through a proxy of an interface. */
public interface BenchWorkflow {
  String process(String eventId, int steps);
}
