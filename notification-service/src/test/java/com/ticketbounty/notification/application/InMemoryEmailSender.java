package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Email;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** Records every e-mail it is asked to send; can be told to fail instead. */
final class InMemoryEmailSender implements EmailSender {
  record Sent(Email email, String idempotencyKey) {}

  private final List<Sent> sent = new ArrayList<>();
  private final Queue<RuntimeException> failures = new ArrayDeque<>();

  @Override
  public synchronized void send(Email email, String idempotencyKey) {
    RuntimeException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
    sent.add(new Sent(email, idempotencyKey));
  }

  /** The next call throws {@code failure} instead of sending. */
  synchronized void failNextWith(RuntimeException failure) {
    failures.add(failure);
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }
}
