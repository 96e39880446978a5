package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepWrite;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Keeps the history PostgreSQL overwrites: after each checkpoint that applied, the steps it wrote
 * as stored then (read back at once; a run's checkpoints never overlap, so nothing else wrote them
 * in between).
 */
final class StepLoggingStore extends ForwardingRunStore {
  private final List<StepRecord> log = new CopyOnWriteArrayList<>();

  StepLoggingStore(RunStore store) {
    super(store);
  }

  @Override
  public Set<UUID> commit(List<Commit> commits) {
    Set<UUID> applied = super.commit(commits);
    for (Commit commit : commits) {
      UUID runId = commit.lease().runId();
      if (applied.contains(runId) && !commit.steps().isEmpty()) {
        Set<String> written =
            commit.steps().stream().map(StepWrite::key).collect(Collectors.toSet());
        steps(runId).stream().filter(step -> written.contains(step.key())).forEach(log::add);
      }
    }
    return applied;
  }

  /** The run's checkpointed step records, oldest first. */
  List<StepRecord> stepLog(UUID runId) {
    return log.stream().filter(step -> step.runId().equals(runId)).toList();
  }
}
