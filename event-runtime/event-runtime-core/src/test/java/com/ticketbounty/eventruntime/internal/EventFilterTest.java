package com.ticketbounty.eventruntime.internal;

import static com.ticketbounty.eventruntime.internal.TestEvents.event;
import static com.ticketbounty.eventruntime.internal.TestEvents.eventBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  @Test
  void matchesOnAStringFieldOfData() {
    EventFilter urgent = EventFilter.compile("event.data.priority == 'urgent'");

    assertThat(urgent.matches(event("{'priority': 'urgent'}"))).isTrue();
    assertThat(urgent.matches(event("{'priority': 'low'}"))).isFalse();
  }

  @Test
  void comparesJsonNumbersWhetherTheyAreWrittenAsIntegersOrDecimals() {
    EventFilter bigBounty = EventFilter.compile("event.data.bounty >= 5000");

    assertThat(bigBounty.matches(event("{'bounty': 5000}"))).isTrue();
    assertThat(bigBounty.matches(event("{'bounty': 5000.5}"))).isTrue();
    assertThat(bigBounty.matches(event("{'bounty': 4999}"))).isFalse();
    assertThat(bigBounty.matches(event("{'bounty': 4999.99}"))).isFalse();
  }

  @Test
  void hasTellsAPresentFieldFromAnAbsentOne() {
    EventFilter assigned = EventFilter.compile("has(event.data.assignee)");

    assertThat(assigned.matches(event("{'assignee': 'u-7'}"))).isTrue();
    assertThat(assigned.matches(event("{'assignee': null}"))).isTrue();
    assertThat(assigned.matches(event("{}"))).isFalse();
  }

  @Test
  void seesTheEnvelopeFieldsOfTheWireFormat() {
    EventFilter envelope =
        EventFilter.compile(
            "event.name.startsWith('app/') && event.v == '1.2' && event.ts == 1735689600000"
                + " && event.id == '"
                + TestEvents.ID
                + "'");

    assertThat(envelope.matches(event("{}"))).isTrue();
    assertThat(
            EventFilter.compile("event.name.startsWith('app/')")
                .matches(TestEvents.event("runtime/function.failed", "{}", null)))
        .isFalse();
  }

  @Test
  void readsNestedObjectsListsAndNulls() {
    EventFilter nested =
        EventFilter.compile(
            "event.data.ticket.owner.id == 'u-1'"
                + " && event.data.ticket.tags.exists(t, t == 'bug')"
                + " && event.data.ticket.watchers[1].email.endsWith('@example.com')"
                + " && event.data.ticket.closedAt == null"
                + " && size(event.data.ticket.tags) == 2");
    String data =
        "{'ticket': {'owner': {'id': 'u-1'}, 'tags': ['ui', 'bug'], 'closedAt': null,"
            + " 'watchers': [{'email': 'a@x.org'}, {'email': 'b@example.com'}]}}";

    assertThat(nested.matches(event(data))).isTrue();
    assertThat(nested.matches(event(data.replace("'bug'", "'feature'")))).isFalse();
  }

  @Test
  void seesTheActingUserOnlyWhenThereIsOne() {
    EventFilter byU1 = EventFilter.compile("has(event.user) && event.user.id == 'u-1'");
    EventFilter anonymous = EventFilter.compile("!has(event.user)");

    assertThat(byU1.matches(eventBy("u-1", "{}"))).isTrue();
    assertThat(byU1.matches(eventBy("u-2", "{}"))).isFalse();
    assertThat(byU1.matches(event("{}"))).isFalse();
    assertThat(anonymous.matches(event("{}"))).isTrue();
    assertThat(anonymous.matches(eventBy("u-1", "{}"))).isFalse();
  }

  @Test
  void treatsAnEvaluationErrorAsNoMatchRatherThanEvaluatingAroundIt() {
    // Both an expression and its negation fail on a missing field: the error is "no match",
    // not a false that the negation would turn into a match.
    assertThat(EventFilter.compile("event.data.missing == 'x'").matches(event("{}"))).isFalse();
    assertThat(EventFilter.compile("!(event.data.missing == 'x')").matches(event("{}"))).isFalse();
    assertThat(EventFilter.compile("event.user.id == 'u-1'").matches(event("{}"))).isFalse();
    assertThat(EventFilter.compile("event.data.priority > 3").matches(event("{'priority': 'x'}")))
        .isFalse();
  }

  @Test
  void treatsADataValueThatIsNotABoolAsNoMatch() {
    EventFilter flag = EventFilter.compile("event.data.flag");

    assertThat(flag.matches(event("{'flag': true}"))).isTrue();
    assertThat(flag.matches(event("{'flag': 'yes'}"))).isFalse();
  }

  @Test
  void readsAnIntegerBeyondSixtyFourBitsAsADouble() {
    EventFilter huge = EventFilter.compile("event.data.n > 1.2e22 && event.data.n < 1.3e22");

    assertThat(huge.matches(event("{'n': 12345678901234567890123}"))).isTrue();
  }

  @Test
  void stopsAComprehensionOverAListLongerThanTheBoundAndCallsItNoMatch() {
    EventFilter hasLast = EventFilter.compile("event.data.ids.exists(id, id == event.data.last)");
    int bound = CelEventEnvironment.MAX_COMPREHENSION_ITERATIONS;

    assertThat(hasLast.matches(event(idsUpTo(bound)))).isTrue();
    assertThat(hasLast.matches(event(idsUpTo(bound + 1)))).isFalse();
  }

  @Test
  void refusesASyntaxErrorNamingTheExpression() {
    assertThatThrownBy(() -> EventFilter.compile("event.data.priority =="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event filter 'event.data.priority ==' does not compile");
  }

  @Test
  void refusesUnknownVariablesIncludingTheCandidateOfAWait() {
    assertThatThrownBy(() -> EventFilter.compile("ticket.priority == 'urgent'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("undeclared reference to 'ticket'");
    assertThatThrownBy(() -> EventFilter.compile("async.name == 'x'"))
        .hasMessageContaining("undeclared reference to 'async'");
  }

  @Test
  void refusesAFieldTheWireFormatDoesNotHave() {
    assertThatThrownBy(() -> EventFilter.compile("event.nmae == 'app/x'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("undefined field 'nmae'");
    assertThatThrownBy(() -> EventFilter.compile("event.user.email == 'a@b.c'"))
        .hasMessageContaining("undefined field 'email'");
  }

  @Test
  void refusesAComparisonThatCannotTypeCheck() {
    assertThatThrownBy(() -> EventFilter.compile("event.ts > 'yesterday'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no matching overload");
  }

  @Test
  void refusesAFilterThatDoesNotReturnABool() {
    assertThatThrownBy(() -> EventFilter.compile("event.name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event filter 'event.name' returns string, expected bool");
    assertThatThrownBy(() -> EventFilter.compile("event.ts + 1"))
        .hasMessageContaining("returns int");
  }

  @Test
  void evaluatesOneCompiledFilterFromManyThreads() throws Exception {
    EventFilter urgent = EventFilter.compile("event.data.priority == 'urgent'");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        String priority = i % 2 == 0 ? "urgent" : "low";
        boolean expected = i % 2 == 0;
        results.add(
            pool.submit(
                () -> urgent.matches(event("{'priority': '" + priority + "'}")) == expected));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String idsUpTo(int count) {
    String ids =
        IntStream.rangeClosed(1, count)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(","));
    return "{'last': " + count + ", 'ids': [" + ids + "]}";
  }
}
