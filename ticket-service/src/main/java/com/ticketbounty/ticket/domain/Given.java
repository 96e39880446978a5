package com.ticketbounty.ticket.domain;

import org.jspecify.annotations.Nullable;

/**
 * A value the caller sent, which may be {@code null} ({@code {"userId": null}}), as opposed to a
 * value the caller left out (then there is no {@code Given} at all). A partial change needs the
 * difference: a field left out stays as it is; a required field sent as null is a broken rule.
 */
public record Given<T>(@Nullable T value) {

  public static <T> Given<T> of(@Nullable T value) {
    return new Given<>(value);
  }
}
