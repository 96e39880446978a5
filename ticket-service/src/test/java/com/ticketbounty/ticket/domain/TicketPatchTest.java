package com.ticketbounty.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TicketDetails#patchedWith}: a partial change checked by the rules of a new ticket. */
class TicketPatchTest {
  private static final TicketDetails DETAILS =
      new TicketDetails("Fix login", "It fails", LocalDate.of(2026, 12, 24), 5000, Priority.HIGH);

  private static TicketPatch patch(
      Given<String> title,
      Given<String> content,
      Given<String> deadline,
      Given<Long> bounty,
      Given<Priority> priority) {
    return new TicketPatch(title, content, deadline, bounty, priority);
  }

  private static List<Violation> violationsOf(TicketPatch patch) {
    try {
      DETAILS.patchedWith(patch);
    } catch (BrokenRulesException e) {
      return e.violations();
    }
    throw new AssertionError("expected broken rules");
  }

  @Test
  void replacesOnlyTheGivenFields() {
    TicketDetails patched =
        DETAILS.patchedWith(patch(Given.of("Fix sign-in"), null, null, Given.of(7500L), null));

    assertThat(patched)
        .isEqualTo(
            new TicketDetails(
                "Fix sign-in", "It fails", LocalDate.of(2026, 12, 24), 7500, Priority.HIGH));
    assertThat(patched.fieldsChangedFrom(DETAILS)).containsExactly("title", "bounty");
  }

  @Test
  void changesDeadlineAndPriority() {
    TicketDetails patched =
        DETAILS.patchedWith(
            patch(null, null, Given.of("2027-01-31"), null, Given.of(Priority.URGENT)));

    assertThat(patched.deadline()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(patched.priority()).isEqualTo(Priority.URGENT);
    assertThat(patched.fieldsChangedFrom(DETAILS)).containsExactly("deadline", "priority");
  }

  @Test
  void namesNoFieldWhenTheGivenValuesAreTheCurrentOnes() {
    TicketDetails patched =
        DETAILS.patchedWith(patch(Given.of("Fix login"), null, Given.of("2026-12-24"), null, null));

    assertThat(patched.fieldsChangedFrom(DETAILS)).isEmpty();
  }

  @Test
  void rejectsAnEmptyPatchNamingTheBody() {
    assertThat(violationsOf(patch(null, null, null, null, null)))
        .containsExactly(
            new Violation(
                "body", "must give at least one of title, content, deadline, bounty, priority"));
  }

  @Test
  void checksEveryGivenFieldByTheRulesOfANewTicket() {
    assertThat(
            violationsOf(
                patch(
                    Given.of("t".repeat(192)),
                    Given.of(""),
                    Given.of("2026-02-30"),
                    Given.of(499L),
                    null)))
        .extracting(Violation::field)
        .containsExactly("title", "content", "deadline", "bounty");
  }

  @Test
  void rejectsRequiredFieldsGivenAsNull() {
    assertThat(
            violationsOf(
                patch(
                    Given.of(null),
                    Given.of(null),
                    Given.of(null),
                    Given.of(null),
                    Given.of(null))))
        .containsExactly(
            new Violation("title", "must not be blank"),
            new Violation("content", "must not be blank"),
            new Violation("deadline", "is required"),
            new Violation("bounty", "is required"),
            new Violation("priority", "is required"));
  }

  @Test
  void knowsWhetherAnyFieldWasGiven() {
    assertThat(patch(null, null, null, null, null).isEmpty()).isTrue();
    assertThat(patch(null, null, null, null, Given.of(null)).isEmpty()).isFalse();
  }
}
