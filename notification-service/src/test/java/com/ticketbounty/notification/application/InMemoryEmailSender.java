package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Email;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/** Records every e-mail it is asked to send; can be told to fail instead. */
public final class InMemoryEmailSender implements EmailSender {
  /** One e-mail as it was handed over. */
  public record Sent(Email email, String idempotencyKey) {
    public String to() {
      return email.to().get(0);
    }
  }

  private final List<Sent> sent = new ArrayList<>();
  private final Queue<RuntimeException> failures = new ArrayDeque<>();
  private final Map<String, RuntimeException> failuresTo = new HashMap<>();

  @Override
  public synchronized void send(Email email, String idempotencyKey) {
    RuntimeException failure = failures.poll();
    if (failure == null) {
      failure = failuresTo.remove(email.to().get(0));
    }
    if (failure != null) {
      throw failure;
    }
    sent.add(new Sent(email, idempotencyKey));
  }

  /** The next call that sends to {@code address} throws {@code failure} instead. */
  public synchronized void failNextTo(String address, RuntimeException failure) {
    failuresTo.put(address, failure);
  }

  /** The next call throws {@code failure} instead of sending. */
  public synchronized void failNextWith(RuntimeException failure) {
    failures.add(failure);
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The e-mails to {@code address}, in the order they were sent. */
  public synchronized List<Sent> sentTo(String address) {
    return sent.stream().filter(s -> s.email().to().contains(address)).toList();
  }
}
