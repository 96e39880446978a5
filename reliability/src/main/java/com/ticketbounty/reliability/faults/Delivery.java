package com.ticketbounty.reliability.faults;

import java.time.Instant;

/**
 * One {@code POST /emails} the recording provider received, as it answered it: only a 200 is an
 * e-mail sent (a 500 or a request it held past the caller's timeout is one the caller retries).
 */
public record Delivery(
    Instant at, int status, String idempotencyKey, String to, String subject, String text) {

  public boolean sent() {
    return status == 200;
  }
}
