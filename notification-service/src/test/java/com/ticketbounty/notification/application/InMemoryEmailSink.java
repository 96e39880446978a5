package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Email;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Keeps e-mails in memory, one per key, ids counting up from 1, as the JDBC sink does. */
final class InMemoryEmailSink implements EmailSink {
  private final List<SinkEmail> kept = new ArrayList<>();

  synchronized void keep(Email email, String idempotencyKey) {
    if (kept.stream().noneMatch(e -> e.idempotencyKey().equals(idempotencyKey))) {
      kept.add(new SinkEmail(kept.size() + 1, email, idempotencyKey, Instant.now()));
    }
  }

  @Override
  public synchronized List<SinkEmail> newest(int limit, Optional<Long> before) {
    return kept.stream()
        .filter(e -> e.id() < before.orElse(Long.MAX_VALUE))
        .sorted(Comparator.comparingLong(SinkEmail::id).reversed())
        .limit(limit)
        .toList();
  }
}
