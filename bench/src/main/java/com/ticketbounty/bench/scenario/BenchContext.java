package com.ticketbounty.bench.scenario;

import com.ticketbounty.bench.BenchOptions;
import com.ticketbounty.bench.driver.Broker;
import com.ticketbounty.bench.driver.Classpath;
import com.ticketbounty.bench.driver.LaunchedSystem;
import com.ticketbounty.bench.driver.Phases;
import com.ticketbounty.bench.driver.Postgres;
import com.ticketbounty.bench.driver.SubjectSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every scenario works with: the options, the phase runner, the servers, the current classpath
 * and, under {@code --compare}, the other revision's; and the whole system, which the first
 * scenario that needs it starts (5 and 6 share it, so 6 sees what 5's load left).
 */
public record BenchContext(
    BenchOptions options,
    Phases phases,
    Postgres postgres,
    Broker broker,
    Path logs,
    Classpath current,
    Optional<Classpath> compared,
    LaunchedSystem system) {

  /** event-runtime on the current jars, then on the compared revision's when there is one. */
  public List<SubjectSpec> eventRuntimes() {
    List<SubjectSpec> subjects = new ArrayList<>();
    subjects.add(SubjectSpec.of("event-runtime", current));
    compared.ifPresent(other -> subjects.add(SubjectSpec.of("event-runtime", other)));
    return subjects;
  }

  public SubjectSpec subject(String kind) {
    return SubjectSpec.of(kind, current);
  }
}
