package com.ticketbounty.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Violation;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenTicketCommandTest {
  private static final UUID OWNER = UUID.randomUUID();

  @Test
  void readsTheDetailsForTheSignedInOwner() {
    OpenTicketCommand command =
        OpenTicketCommand.of(
            OWNER, "ada", "ada@example.com", "title", "content", "2026-12-24", 500L, Priority.HIGH);

    assertThat(command.ownerId()).isEqualTo(OWNER);
    assertThat(command.ownerUsername()).isEqualTo("ada");
    assertThat(command.ownerEmail()).isEqualTo("ada@example.com");
    assertThat(command.details().deadline()).isEqualTo(LocalDate.of(2026, 12, 24));
    assertThat(command.details().priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void reportsEveryBrokenRuleOfTheDetails() {
    assertThatThrownBy(
            () ->
                OpenTicketCommand.of(
                    OWNER, "ada", "ada@example.com", "", null, "2026-02-30", 100L, null))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("title", "content", "deadline", "bounty"));
  }
}
