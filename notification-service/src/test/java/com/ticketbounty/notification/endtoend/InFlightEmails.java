package com.ticketbounty.notification.endtoend;

import com.ticketbounty.notification.application.EmailSender;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts, per recipient address, how many e-mails are being sent at once — each is sent from inside
 * a step, so this is a lower bound of the steps of one concurrency key executing at once — and
 * remembers the most. For an address told to {@link #holdUntil hold}, a send waits until that many
 * are in flight together (or a generous while has passed), so a limit that holds is also reached:
 * the count can only rise above the limit if the runtime lets more runs in.
 */
final class InFlightEmails {
  private static final Duration LONGEST_HOLD = Duration.ofSeconds(15);

  private final Map<String, Integer> current = new HashMap<>();
  private final Map<String, Integer> most = new HashMap<>();
  private final Map<String, Integer> holds = new HashMap<>();

  /** {@code sender}, counted. */
  EmailSender around(EmailSender sender) {
    return (email, idempotencyKey) -> {
      String to = email.to().get(0);
      enter(to);
      try {
        sender.send(email, idempotencyKey);
      } finally {
        exit(to);
      }
    };
  }

  /** Each send to {@code address} waits until {@code together} are in flight. */
  synchronized void holdUntil(String address, int together) {
    holds.put(address, together);
  }

  /** The most e-mails to {@code address} ever in flight at once. */
  synchronized int most(String address) {
    return most.getOrDefault(address, 0);
  }

  private synchronized void enter(String to) {
    int now = current.merge(to, 1, Integer::sum);
    most.merge(to, now, Math::max);
    notifyAll();
    Integer hold = holds.get(to);
    if (hold == null) {
      return;
    }
    long deadline = System.nanoTime() + LONGEST_HOLD.toNanos();
    while (current.get(to) < hold) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private synchronized void exit(String to) {
    current.merge(to, -1, Integer::sum);
    notifyAll();
  }
}
