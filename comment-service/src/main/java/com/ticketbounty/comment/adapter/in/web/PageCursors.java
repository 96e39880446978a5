package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.domain.CommentPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code cursor} of the comment list: the last comment's position (creation time in
 * epoch microseconds, and id), base64url-encoded. Clients pass it back unchanged; anything that did
 * not come from here is refused (400) rather than guessed at.
 */
final class PageCursors {
  static final String PARAMETER = "cursor";

  // Year 9999 at the latest: a later time is no creation time, and PostgreSQL refuses far ones.
  private static final long LATEST_MICROS = 253_402_300_799_999_999L;

  private PageCursors() {}

  static String encode(CommentPosition position) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.createdAt());
    String plain = micros + ":" + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws BadQueryException naming {@code cursor} when it is not one this class made
   */
  static CommentPosition decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length != 2) {
        throw malformed();
      }
      long micros = Long.parseLong(parts[0]);
      UUID id = UUID.fromString(parts[1]);
      if (micros < 0 || micros > LATEST_MICROS || !id.toString().equalsIgnoreCase(parts[1])) {
        throw malformed();
      }
      return new CommentPosition(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static BadQueryException malformed() {
    return new BadQueryException(PARAMETER, "is not a cursor this API gave out");
  }
}
