package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Email;
import java.time.Instant;
import java.util.Objects;

/**
 * One e-mail as the local sink kept it.
 *
 * @param id its place in the sink: a later e-mail has a greater id
 * @param email what would have been sent
 * @param idempotencyKey the key it was sent under (the sink keeps one e-mail per key)
 * @param createdAt when the sink first received it
 */
public record SinkEmail(long id, Email email, String idempotencyKey, Instant createdAt) {
  public SinkEmail {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
