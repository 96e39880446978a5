package com.ticketbounty.bench.driver;

import java.sql.SQLException;

/** The counters read at a window's start and end; a phase's figures are their differences. */
record Sample(
    long atMicros,
    long sent,
    long completed,
    long queueDepth,
    double subjectCpuMillis,
    double postgresCpuMillis,
    double rabbitCpuMillis,
    long commits,
    long walBytes) {

  static Sample take(
      SubjectProcess subject,
      Postgres postgres,
      String database,
      Broker broker,
      String queue,
      long sent,
      Completions completions)
      throws SQLException {
    return new Sample(
        Clocks.wallMicros(),
        sent,
        completions.completed(),
        broker.depth(queue),
        ProcessCpu.millisOf(subject.pid()),
        ProcessCpu.millisOfAll("postgres"),
        ProcessCpu.millisOfAll("beam.smp"),
        postgres.commits(database),
        postgres.walBytes());
  }

  long backlog() {
    return sent - completed;
  }
}
