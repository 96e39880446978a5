package com.ticketbounty.comment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommentContentTest {

  @Test
  void acceptsOneCharacterAndExactly1024() {
    assertThat(CommentContent.of("x").text()).isEqualTo("x");
    assertThat(CommentContent.of("x".repeat(1024)).text()).hasSize(1024);
  }

  @Test
  void countsCharactersAsPeopleDoNotUtf16Units() {
    // 1024 emoji are 2048 UTF-16 units but 1024 characters, as PostgreSQL's varchar counts them.
    String emoji = "\uD83D\uDE00".repeat(1024);

    assertThat(CommentContent.of(emoji).text()).isEqualTo(emoji);
    assertThatThrownBy(() -> CommentContent.of(emoji + "\uD83D\uDE00"))
        .isInstanceOf(BrokenRulesException.class);
  }

  @Test
  void rejectsMoreThan1024CharactersNamingContent() {
    assertThatThrownBy(() -> CommentContent.of("x".repeat(1025)))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("content", "must be at most 1024 characters")));
  }

  @Test
  void rejectsTheNulCharacterWhichTheStoreCannotHold() {
    assertThatThrownBy(() -> CommentContent.of("before\0after"))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactly("content"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\n\t "})
  void rejectsMissingOrBlankTextNamingContent(String text) {
    assertThatThrownBy(() -> CommentContent.of(text))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("content", "must not be blank")));
  }
}
