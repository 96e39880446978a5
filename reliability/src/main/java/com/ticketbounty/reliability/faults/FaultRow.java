package com.ticketbounty.reliability.faults;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fault's line of the table.
 *
 * @param rate the load's schedule, requests per second
 * @param sent requests sent in the phase; {@code answered} of them answered as they should be
 * @param reconciliation expected effects against the provider's journal, once recovered (or at the
 *     deadline)
 * @param stepReruns e-mails sent by a step after it had finished
 * @param failedRuns notification-service's failed runs, each {@code function: reason}
 * @param deadLetters live dead letters in every service
 * @param unfinished runs not finished and outbox rows not sent when the phase ended
 * @param ops the same questions asked of the gateway's operations API
 * @param recovery from the fault's end until the reconciliation held; empty when it did not within
 *     the limit
 */
record FaultRow(
    Fault fault,
    double rate,
    int sent,
    int answered,
    Reconciliation reconciliation,
    int stepReruns,
    List<String> failedRuns,
    List<DeadLetter> deadLetters,
    long unfinished,
    OpsView ops,
    Optional<Duration> recovery) {

  /**
   * What the operations API showed after the phase: runs not finished, and dead letters new since
   * the phase began (the same as the databases', or the API misreports).
   */
  record OpsView(int unfinishedRuns, int newDeadLetters) {}

  /** Zero lost, zero duplicated, nothing left pending, recovered within the limit. */
  boolean clean() {
    return reconciliation.holds()
        && stepReruns == 0
        && unfinished == 0
        && recovery.isPresent()
        && ops.unfinishedRuns() == 0
        && ops.newDeadLetters() == deadLetters.size()
        && unexpectedDeadLetters().isEmpty()
        && poisonNotDeadLettered().isEmpty();
  }

  /** Dead letters of anything but the fault's own poison. */
  List<DeadLetter> unexpectedDeadLetters() {
    return deadLetters.stream().filter(d -> !fault.poisonIds().contains(d.messageId())).toList();
  }

  /** The fault's poison messages that are not (yet) a dead letter with a reason anywhere. */
  Set<String> poisonNotDeadLettered() {
    return poisonNotDeadLettered(fault.poisonIds(), deadLetters);
  }

  static Set<String> poisonNotDeadLettered(Set<String> poison, List<DeadLetter> deadLetters) {
    Set<String> missing = new TreeSet<>(poison);
    deadLetters.stream()
        .filter(d -> !d.reason().isBlank())
        .map(DeadLetter::messageId)
        .forEach(missing::remove);
    return missing;
  }
}
