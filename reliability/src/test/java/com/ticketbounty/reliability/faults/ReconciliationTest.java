package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
  private static final String TICKET = "0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c";
  private static final String OTHER_TICKET = "3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f";

  @Test
  void namesATicketsConfirmationAndCommentByTheTicketItLinksTo() {
    assertThat(Effects.of(confirmation(TICKET, "k1", 200))).contains(Effects.confirmation(TICKET));
    assertThat(
            Effects.of(
                email(
                    "New comment on your ticket: x",
                    "owner@faults.example",
                    "View the ticket: http://localhost:3000/tickets/" + TICKET,
                    "k2",
                    200)))
        .contains(Effects.commentToOwner(TICKET));
    assertThat(Effects.of(email("Welcome to TicketBounty", "a@faults.example", "", "k3", 200)))
        .contains(Effects.welcome("a@faults.example"));
  }

  @Test
  void countsAnEffectWithoutASentEmailAsLost() {
    Set<String> expected = Set.of(Effects.confirmation(TICKET), Effects.confirmation(OTHER_TICKET));

    Reconciliation reconciliation =
        Reconciliation.of(
            expected,
            List.of(confirmation(TICKET, "k1", 200), confirmation(OTHER_TICKET, "k2", 500)));

    assertThat(reconciliation.lost()).isOne();
    assertThat(reconciliation.lostSample()).containsExactly(Effects.confirmation(OTHER_TICKET));
    assertThat(reconciliation.duplicated()).isZero();
    assertThat(reconciliation.holds()).isFalse();
  }

  @Test
  void takesRetriesUnderOneKeyAsOneEmail() {
    Reconciliation reconciliation =
        Reconciliation.of(
            Set.of(Effects.confirmation(TICKET)),
            List.of(
                confirmation(TICKET, "k1", 500),
                confirmation(TICKET, "k1", 200),
                confirmation(TICKET, "k1", 200)));

    assertThat(reconciliation.holds()).isTrue();
  }

  @Test
  void countsEveryFurtherDistinctKeyAsADuplicate() {
    Reconciliation reconciliation =
        Reconciliation.of(
            Set.of(Effects.confirmation(TICKET)),
            List.of(
                confirmation(TICKET, "k1", 200),
                confirmation(TICKET, "k2", 200),
                confirmation(TICKET, "k3", 200)));

    assertThat(reconciliation.duplicated()).isEqualTo(2);
    assertThat(reconciliation.lost()).isZero();
  }

  @Test
  void ignoresEmailsForEffectsOfAnotherPhase() {
    Reconciliation reconciliation =
        Reconciliation.of(
            Set.of(Effects.confirmation(TICKET)),
            List.of(
                confirmation(TICKET, "k1", 200),
                confirmation(OTHER_TICKET, "k2", 200),
                confirmation(OTHER_TICKET, "k3", 200)));

    assertThat(reconciliation.expected()).isOne();
    assertThat(reconciliation.holds()).isTrue();
  }

  private static Delivery confirmation(String ticket, String key, int status) {
    return email(
        "Ticket created: t",
        "owner@faults.example",
        "View your ticket: http://localhost:3000/tickets/" + ticket,
        key,
        status);
  }

  private static Delivery email(String subject, String to, String text, String key, int status) {
    return new Delivery(Instant.now(), status, key, to, subject, text);
  }
}
