package com.ticketbounty.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketDetailsTest {
  private static final String DEADLINE = "2026-12-24";

  private static TicketDetails withTitle(String title) {
    return TicketDetails.of(title, "content", DEADLINE, 500L, Priority.LOW);
  }

  private static TicketDetails withContent(String content) {
    return TicketDetails.of("title", content, DEADLINE, 500L, Priority.LOW);
  }

  private static TicketDetails withDeadline(String deadline) {
    return TicketDetails.of("title", "content", deadline, 500L, Priority.LOW);
  }

  private static TicketDetails withBounty(Long bounty) {
    return TicketDetails.of("title", "content", DEADLINE, bounty, Priority.LOW);
  }

  private static List<Violation> violationsOf(Runnable creation) {
    try {
      creation.run();
    } catch (BrokenRulesException e) {
      return e.violations();
    }
    throw new AssertionError("expected broken rules");
  }

  @Test
  void acceptsTitleOf191Characters() {
    assertThat(withTitle("t".repeat(191)).title()).hasSize(191);
  }

  @Test
  void rejectsTitleOf192Characters() {
    assertThat(violationsOf(() -> withTitle("t".repeat(192))))
        .containsExactly(new Violation("title", "must be at most 191 characters"));
  }

  @Test
  void countsTitleInCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDC1B"; // one character, two UTF-16 units
    assertThat(withTitle(emoji.repeat(191)).title()).hasSize(382);
    assertThat(violationsOf(() -> withTitle(emoji.repeat(192))))
        .extracting(Violation::field)
        .containsExactly("title");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void rejectsBlankTitle(String title) {
    assertThat(violationsOf(() -> withTitle(title)))
        .containsExactly(new Violation("title", "must not be blank"));
  }

  @Test
  void rejectsMissingTitle() {
    assertThat(violationsOf(() -> withTitle(null)))
        .extracting(Violation::field)
        .containsExactly("title");
  }

  @Test
  void acceptsContentOf1024Characters() {
    assertThat(withContent("c".repeat(1024)).content()).hasSize(1024);
  }

  @Test
  void rejectsContentOf1025Characters() {
    assertThat(violationsOf(() -> withContent("c".repeat(1025))))
        .containsExactly(new Violation("content", "must be at most 1024 characters"));
  }

  @Test
  void rejectsEmptyContent() {
    assertThat(violationsOf(() -> withContent("")))
        .containsExactly(new Violation("content", "must not be blank"));
  }

  @Test
  void acceptsBountyOf500Cents() {
    assertThat(withBounty(500L).bounty()).isEqualTo(500);
  }

  @Test
  void rejectsBountyBelowMinimum() {
    assertThat(violationsOf(() -> withBounty(499L)))
        .containsExactly(new Violation("bounty", "must be at least 500 cents"));
  }

  @Test
  void rejectsNegativeBounty() {
    assertThat(violationsOf(() -> withBounty(-1000L)))
        .extracting(Violation::field)
        .containsExactly("bounty");
  }

  @Test
  void rejectsMissingBounty() {
    assertThat(violationsOf(() -> withBounty(null)))
        .containsExactly(new Violation("bounty", "is required"));
  }

  @Test
  void readsDeadlineAsCalendarDate() {
    assertThat(withDeadline("2028-02-29").deadline()).isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30",
        "2027-02-29",
        "2026-13-01",
        "2026-04-31",
        "2026-1-5",
        "24.12.2026",
        "tomorrow",
        "2026-12-24T10:00:00"
      })
  void rejectsDeadlineThatIsNoRealCalendarDate(String deadline) {
    assertThat(violationsOf(() -> withDeadline(deadline)))
        .containsExactly(new Violation("deadline", "must be a real calendar date as YYYY-MM-DD"));
  }

  @Test
  void rejectsMissingDeadline() {
    assertThat(violationsOf(() -> withDeadline(null)))
        .containsExactly(new Violation("deadline", "is required"));
  }

  @Test
  void defaultsToMediumPriority() {
    assertThat(TicketDetails.of("title", "content", DEADLINE, 500L, null).priority())
        .isEqualTo(Priority.MEDIUM);
  }

  @Test
  void keepsGivenPriority() {
    assertThat(TicketDetails.of("title", "content", DEADLINE, 500L, Priority.URGENT).priority())
        .isEqualTo(Priority.URGENT);
  }

  @Test
  void reportsEveryBrokenFieldAtOnce() {
    assertThat(violationsOf(() -> TicketDetails.of("", null, "2026-02-30", 499L, null)))
        .extracting(Violation::field)
        .containsExactly("title", "content", "deadline", "bounty");
  }

  @Test
  void constructorKeepsTheSameRules() {
    assertThatThrownBy(
            () ->
                new TicketDetails(
                    "t".repeat(192), "content", LocalDate.of(2026, 12, 24), 499, Priority.LOW))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("title", "bounty"));
  }
}
