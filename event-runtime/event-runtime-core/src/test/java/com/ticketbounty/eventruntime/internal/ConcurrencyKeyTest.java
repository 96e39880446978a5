package com.ticketbounty.eventruntime.internal;

import static com.ticketbounty.eventruntime.internal.TestEvents.event;
import static com.ticketbounty.eventruntime.internal.TestEvents.eventBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencyKeyTest {

  @Test
  void rendersAStringAsItIs() {
    assertThat(ConcurrencyKey.compile("event.data.userId").valueFor(event("{'userId': 'u-1'}")))
        .isEqualTo("u-1");
    assertThat(ConcurrencyKey.compile("event.user.id").valueFor(eventBy("u-9", "{}")))
        .isEqualTo("u-9");
  }

  @Test
  void rendersNumbersAndBoolsAsText() {
    assertThat(ConcurrencyKey.compile("event.data.n").valueFor(event("{'n': 42}"))).isEqualTo("42");
    assertThat(ConcurrencyKey.compile("event.data.n").valueFor(event("{'n': -2.5}")))
        .isEqualTo("-2.5");
    assertThat(ConcurrencyKey.compile("uint(event.data.n)").valueFor(event("{'n': 7}")))
        .isEqualTo("7");
    assertThat(ConcurrencyKey.compile("event.data.vip").valueFor(event("{'vip': true}")))
        .isEqualTo("true");
    assertThat(ConcurrencyKey.compile("event.ts").valueFor(event("{}"))).isEqualTo("1735689600000");
  }

  @Test
  void combinesFieldsIntoOneKey() {
    ConcurrencyKey perTicketAndUser =
        ConcurrencyKey.compile("event.data.ticketId + ':' + event.user.id");

    assertThat(perTicketAndUser.valueFor(eventBy("u-1", "{'ticketId': 't-3'}")))
        .isEqualTo("t-3:u-1");
  }

  @Test
  void failsWithTheReasonWhenTheEventLacksTheField() {
    ConcurrencyKey perUser = ConcurrencyKey.compile("event.data.userId");

    assertThatThrownBy(() -> perUser.valueFor(event("{'ticketId': 't-1'}")))
        .isInstanceOf(ConcurrencyKeyException.class)
        .hasMessageContaining("concurrency key 'event.data.userId' has no value for event")
        .hasMessageContaining(TestEvents.ID + " (app/ticket.created)")
        .hasMessageContaining("'userId'");
  }

  @Test
  void failsWhenThereIsNoActingUser() {
    assertThatThrownBy(() -> ConcurrencyKey.compile("event.user.id").valueFor(event("{}")))
        .isInstanceOf(ConcurrencyKeyException.class)
        .hasMessageContaining("'user'");
  }

  @Test
  void failsOnANullMapOrListValueWithoutRevealingIt() {
    ConcurrencyKey owner = ConcurrencyKey.compile("event.data.owner");

    assertThatThrownBy(() -> owner.valueFor(event("{'owner': null}")))
        .isInstanceOf(ConcurrencyKeyException.class)
        .hasMessageEndingWith("it evaluated to null, not a string, int, uint, double or bool");
    assertThatThrownBy(() -> owner.valueFor(event("{'owner': {'email': 'secret@x.org'}}")))
        .hasMessageContaining("it evaluated to a map")
        .hasMessageNotContaining("secret@x.org");
    assertThatThrownBy(() -> owner.valueFor(event("{'owner': ['a']}")))
        .hasMessageContaining("it evaluated to a list");
  }

  @Test
  void refusesAtCompileTimeAResultThatCannotBeAKey() {
    assertThatThrownBy(() -> ConcurrencyKey.compile("event.data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency key 'event.data' returns map(string, dyn)")
        .hasMessageContaining("expected bool or double or int or string or uint");
    assertThatThrownBy(() -> ConcurrencyKey.compile("[event.id]"))
        .hasMessageContaining("returns list(string)");
    assertThatThrownBy(() -> ConcurrencyKey.compile("event.data.userId +"))
        .hasMessageContaining("does not compile");
  }
}
