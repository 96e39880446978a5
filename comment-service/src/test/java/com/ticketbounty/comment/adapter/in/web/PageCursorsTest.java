package com.ticketbounty.comment.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.comment.domain.CommentPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorsTest {

  @Test
  void aCursorReadsBackAsThePositionItWasMadeFrom() {
    CommentPosition position =
        new CommentPosition(Instant.parse("2026-11-27T10:00:00.123456Z"), UUID.randomUUID());

    String cursor = PageCursors.encode(position);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(PageCursors.decode(cursor)).isEqualTo(position);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not base64!",
        "%%%",
        "bm90aGluZw", // "nothing"
        "MTIzOm5vdC1hLXV1aWQ", // "123:not-a-uuid"
      })
  void refusesWhatItDidNotMake(String cursor) {
    assertThatThrownBy(() -> PageCursors.decode(cursor))
        .isInstanceOfSatisfying(
            BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "253402300800000000", "9223372036854775807", "1.5", "1:2"})
  void refusesTimesNoCommentWasCreatedAt(String micros) {
    String cursor = encoded(micros + ":" + UUID.randomUUID());

    assertThatThrownBy(() -> PageCursors.decode(cursor)).isInstanceOf(BadQueryException.class);
  }

  @Test
  void limitIsAWholeNumberFromOneToFiftyAndThreeWhenAbsent() {
    assertThat(PageLimits.parse(null)).isEqualTo(3);
    assertThat(PageLimits.parse("1")).isEqualTo(1);
    assertThat(PageLimits.parse("50")).isEqualTo(50);
    for (String bad : new String[] {"0", "51", "-3", "ten", "", "2.0", "99999999999"}) {
      assertThatThrownBy(() -> PageLimits.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("limit"));
    }
  }

  private static String encoded(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }
}
