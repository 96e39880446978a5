package com.ticketbounty.admindigest.domain;

/**
 * One figure of the digest as its owner answered it. {@code createdSince} is not checked against
 * {@code total}: the owner counts them one after the other, and a row created in between may make
 * the second larger than the first would allow.
 *
 * @param total every row that exists now
 * @param createdSince the rows of {@code total} created at or after the period's start
 */
public record Count(long total, long createdSince) {
  public Count {
    if (total < 0 || createdSince < 0) {
      throw new IllegalArgumentException(
          "a count is never negative, was total %d, created since %d"
              .formatted(total, createdSince));
    }
  }
}
