package com.ticketbounty.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.TicketDetails;
import com.ticketbounty.ticket.domain.Violation;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenTicketCommandTest {
  private static final UUID OWNER = UUID.randomUUID();
  private static final TicketDetails DETAILS =
      new TicketDetails("title", "content", LocalDate.of(2026, 12, 24), 500, Priority.LOW);

  private static OpenTicketCommand withEmail(String email) {
    return OpenTicketCommand.of(OWNER, email, "title", "content", "2026-12-24", 500L, null);
  }

  @Test
  void readsAValidCommand() {
    OpenTicketCommand command =
        OpenTicketCommand.of(
            OWNER, "ada@example.com", "title", "content", "2026-12-24", 500L, Priority.HIGH);

    assertThat(command.ownerId()).isEqualTo(OWNER);
    assertThat(command.ownerEmail()).isEqualTo("ada@example.com");
    assertThat(command.details().priority()).isEqualTo(Priority.HIGH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "a da@example.com",
        "ada@@example.com"
      })
  void rejectsOwnerEmailThatIsNoAddress(String email) {
    assertThatThrownBy(() -> withEmail(email))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("ownerEmail", "must be an e-mail address")));
  }

  @Test
  void rejectsMissingOwner() {
    assertThatThrownBy(
            () -> OpenTicketCommand.of(null, null, "title", "content", "2026-12-24", 500L, null))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("ownerId", "ownerEmail"));
  }

  @Test
  void reportsTicketAndOwnerRulesTogether() {
    assertThatThrownBy(
            () -> OpenTicketCommand.of(OWNER, "nope", "", "content", "2026-02-30", 100L, null))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("title", "deadline", "bounty", "ownerEmail"));
  }

  @Test
  void constructorRefusesAnInvalidEmailToo() {
    assertThatThrownBy(() -> new OpenTicketCommand(OWNER, "not-an-address", DETAILS))
        .isInstanceOf(BrokenRulesException.class);
  }
}
