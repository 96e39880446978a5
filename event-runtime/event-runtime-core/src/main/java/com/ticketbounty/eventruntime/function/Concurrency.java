package com.ticketbounty.eventruntime.function;

import java.util.Objects;
import java.util.Optional;

/**
 * At most {@code limit} runs of a function with the same key value execute a step at any moment,
 * across all instances of the service. A sleeping or waiting run holds no slot, and runs waiting
 * for a slot of one key never block runs of another.
 *
 * @param limit the most runs executing at once per key
 * @param key a CEL expression over {@code event} (for example {@code event.data.userId}); empty
 *     means one limit for the whole function
 */
public record Concurrency(int limit, Optional<String> key) {
  public Concurrency {
    if (limit < 1) {
      throw new IllegalArgumentException("concurrency limit must be at least 1, was " + limit);
    }
    Objects.requireNonNull(key, "key");
  }
}
