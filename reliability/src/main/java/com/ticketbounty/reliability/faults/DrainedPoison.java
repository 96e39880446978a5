package com.ticketbounty.reliability.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Poison messages published while two replicas drain every dead-letter queue, as the databases keep
 * them: each poison message a dead letter with its reason in every queue that received it, and once
 * per queue — two drainers never keep one dead letter twice.
 *
 * @param poison the poison messages' ids
 * @param deadLetters the poison's dead letters
 */
record DrainedPoison(Set<String> poison, List<DeadLetter> deadLetters) {
  static DrainedPoison of(Set<String> poison, List<DeadLetter> every) {
    return new DrainedPoison(
        Set.copyOf(poison),
        every.stream().filter(letter -> poison.contains(letter.messageId())).toList());
  }

  /** Poison messages no queue kept with a reason. */
  Set<String> missing() {
    return FaultRow.poisonNotDeadLettered(poison, deadLetters);
  }

  /** Dead letters beyond one per (queue, message). */
  int twice() {
    Map<String, Integer> perQueueAndMessage = new HashMap<>();
    deadLetters.forEach(
        letter ->
            perQueueAndMessage.merge(letter.queue() + " " + letter.messageId(), 1, Integer::sum));
    return perQueueAndMessage.values().stream().mapToInt(kept -> kept - 1).sum();
  }

  long queues() {
    return deadLetters.stream().map(DeadLetter::queue).distinct().count();
  }

  boolean holds() {
    return missing().isEmpty() && twice() == 0;
  }
}
