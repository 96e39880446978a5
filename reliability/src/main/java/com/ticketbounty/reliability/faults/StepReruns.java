package com.ticketbounty.reliability.faults;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts e-mails sent by a step after that step had finished: a finished step executed again. An
 * e-mail's idempotency key is {@code <run id>:<step key>:<recipient id>} (docs/notifications.md),
 * and a step is recorded completed only after the provider answered, so every request of a step
 * that ran as often as it had to arrives before its completion was recorded (same machine, one
 * clock).
 */
final class StepReruns {
  private static final Pattern RUN_ID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}:");

  private StepReruns() {}

  /**
   * @param completedAt when each completed step was recorded, by {@code <run id>:<step key>}
   */
  static int count(List<Delivery> journal, Map<String, Instant> completedAt) {
    int reruns = 0;
    for (Delivery email : journal) {
      String key = email.idempotencyKey();
      int recipient = key.lastIndexOf(':');
      if (!RUN_ID.matcher(key).find() || recipient < 37) {
        continue;
      }
      Instant completed = completedAt.get(key.substring(0, recipient));
      if (completed != null && email.at().isAfter(completed)) {
        reruns++;
      }
    }
    return reruns;
  }
}
