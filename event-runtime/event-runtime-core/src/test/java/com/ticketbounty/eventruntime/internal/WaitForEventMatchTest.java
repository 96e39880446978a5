package com.ticketbounty.eventruntime.internal;

import static com.ticketbounty.eventruntime.internal.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.EventEnvelope;
import org.junit.jupiter.api.Test;

class WaitForEventMatchTest {
  private final EventEnvelope trigger = event("{'ticketId': 't-1', 'bounty': 100}");

  @Test
  void matchesTheCandidateThatRefersToTheSameTicketAsTheTrigger() {
    WaitForEventMatch sameTicket =
        WaitForEventMatch.compile("async.data.ticketId == event.data.ticketId");

    assertThat(sameTicket.matches(trigger, event("{'ticketId': 't-1'}"))).isTrue();
    assertThat(sameTicket.matches(trigger, event("{'ticketId': 't-2'}"))).isFalse();
  }

  @Test
  void seesTheCandidatesEnvelopeApartFromTheTriggers() {
    WaitForEventMatch paid =
        WaitForEventMatch.compile(
            "async.name == 'app/bounty.paid' && event.name == 'app/ticket.created'"
                + " && async.data.amount >= event.data.bounty");

    assertThat(paid.matches(trigger, TestEvents.event("app/bounty.paid", "{'amount': 100}", null)))
        .isTrue();
    assertThat(paid.matches(trigger, TestEvents.event("app/bounty.paid", "{'amount': 99}", null)))
        .isFalse();
    assertThat(paid.matches(trigger, TestEvents.event("app/other", "{'amount': 100}", null)))
        .isFalse();
  }

  @Test
  void treatsACandidateWithoutTheFieldAsNoMatch() {
    WaitForEventMatch sameTicket =
        WaitForEventMatch.compile("async.data.ticketId == event.data.ticketId");

    assertThat(sameTicket.matches(trigger, event("{}"))).isFalse();
  }

  @Test
  void refusesUnknownVariablesAndResultsThatAreNotBool() {
    assertThatThrownBy(() -> WaitForEventMatch.compile("candidate.data.ticketId == 't-1'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("waitForEvent match 'candidate.data.ticketId == 't-1''")
        .hasMessageContaining("undeclared reference to 'candidate'");
    assertThatThrownBy(() -> WaitForEventMatch.compile("async.id"))
        .hasMessageContaining("returns string, expected bool");
  }
}
