package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.ForwardingRunStore;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.StepStatus;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The run store of a {@link CrashPointWorker} that crashes right after the commit recording step
 * {@code stepKey} as completed has returned: the memo is durable, nothing after it has happened.
 */
final class CrashAfterCommit extends ForwardingRunStore {
  private final String stepKey;
  private final Runnable crash;

  CrashAfterCommit(RunStore store, String stepKey, Runnable crash) {
    super(store);
    this.stepKey = stepKey;
    this.crash = crash;
  }

  @Override
  public Set<UUID> commit(List<Commit> commits) {
    Set<UUID> applied = super.commit(commits);
    boolean recorded =
        commits.stream()
            .filter(commit -> applied.contains(commit.lease().runId()))
            .flatMap(commit -> commit.steps().stream())
            .anyMatch(s -> s.key().equals(stepKey) && s.status() == StepStatus.COMPLETED);
    if (recorded) {
      crash.run();
    }
    return applied;
  }
}
