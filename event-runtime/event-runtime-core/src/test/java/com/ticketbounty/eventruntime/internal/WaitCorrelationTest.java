package com.ticketbounty.eventruntime.internal;

import static com.ticketbounty.eventruntime.internal.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.spi.Correlation;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitCorrelationTest {
  private final EventEnvelope trigger =
      event("{'ticketId': 't-1', 'bounty': 100, 'ratio': 2.0, 'meta': {'team': 'core'}}");

  private static Correlation correlation(String match, EventEnvelope trigger) {
    return WaitForEventMatch.compile(match).correlation(trigger);
  }

  @Test
  void findsTheTriggersValueForAnEqualityOfAnEventAndAnAsyncPathInEitherOrder() {
    Correlation expected = new Correlation("data.ticketId", "\"t-1\"");

    assertThat(correlation("event.data.ticketId == async.data.ticketId", trigger))
        .isEqualTo(expected);
    assertThat(correlation("async.data.ticketId == event.data.ticketId", trigger))
        .isEqualTo(expected);
    assertThat(correlation("async.data.ref == event.data.meta.team", trigger))
        .isEqualTo(new Correlation("data.ref", "\"core\""));
    assertThat(correlation("async.data.bounty == event.data.bounty", trigger))
        .isEqualTo(new Correlation("data.bounty", "100"));
    assertThat(correlation("async.id == event.id", trigger))
        .isEqualTo(new Correlation("id", "\"" + TestEvents.ID + "\""));
  }

  @Test
  void findsTheEqualityAmongTheConjunctsOfAnAnd() {
    assertThat(
            correlation(
                "async.data.priority == 'high' && (async.data.n > 1 && "
                    + "async.data.ticketId == event.data.ticketId)",
                trigger))
        .isEqualTo(new Correlation("data.ticketId", "\"t-1\""));
  }

  @Test
  void findsNoneWhereTheMatchCanHoldWithoutTheEquality() {
    for (String match :
        List.of(
            "async.data.priority == 'high'",
            "async.data.ticketId == event.data.ticketId || async.data.all == true",
            "!(async.data.ticketId == event.data.ticketId)",
            "async.data.ticketId != event.data.ticketId",
            "async.data.ticketId == 't-1'",
            "async.data.ticketId == event.data.ticketId + ''",
            "async.data['ticketId'] == event.data.ticketId",
            "has(async.data.ticketId) == has(event.data.ticketId)",
            "async.data.ticketId == async.data.ref",
            "[async.data.ticketId].exists(t, t == event.data.ticketId)")) {
      assertThat(correlation(match, trigger)).as(match).isNull();
    }
  }

  @Test
  void findsNoneWhenTheTriggerHasNoComparableValueAtThePath() {
    assertThat(correlation("async.data.ticketId == event.data.missing", trigger)).isNull();
    assertThat(correlation("async.data.meta == event.data.meta", trigger))
        .as("a map is not indexed")
        .isNull();
  }

  private static final WaitForEventMatch SAME_X =
      WaitForEventMatch.compile("async.data.x == event.data.x");

  /** Whether an incoming event with {@code incoming} as x is a candidate of a wait on {@code x}. */
  private static boolean indexed(String waiting, String incoming) {
    Correlation stored = SAME_X.correlation(event("{'x': " + waiting + "}"));
    return WaitForEventMatch.correlationsOf(event("{'x': " + incoming + "}")).contains(stored);
  }

  @Test
  void neverRulesOutAnEventThatCelFindsEqual() {
    List<String> values =
        List.of(
            "5",
            "5.0",
            "-0.0",
            "0",
            "'5'",
            "5.5",
            "true",
            "'true'",
            "null",
            "'null'",
            "9007199254740993",
            "9007199254740992.0",
            "1e20",
            "100000000000000000000",
            "'with \\\"quotes\\\"'",
            "'ünïcode'");
    for (String waiting : values) {
      for (String incoming : values) {
        boolean equal =
            SAME_X.matches(event("{'x': " + waiting + "}"), event("{'x': " + incoming + "}"));
        if (equal) {
          assertThat(indexed(waiting, incoming)).as("%s == %s in CEL", waiting, incoming).isTrue();
        }
      }
    }
  }

  @Test
  void keepsApartValuesThatCelDoesNotFindEqual() {
    assertThat(indexed("5", "5.0")).as("CEL compares numbers by value").isTrue();
    assertThat(indexed("5", "'5'")).isFalse();
    assertThat(indexed("5", "5.5")).isFalse();
    assertThat(indexed("true", "'true'")).isFalse();
    assertThat(indexed("null", "'null'")).isFalse();
    assertThat(indexed("'t-1'", "'t-2'")).isFalse();
  }

  @Test
  void listsEveryFieldAnIncomingEventCanBeCorrelatedOn() {
    EventEnvelope comment =
        event("{'ticketId': 't-1', 'by': {'id': 'u-2'}, 'tags': ['a'], 'a.b': 1, 'n': null}");

    assertThat(WaitForEventMatch.correlationsOf(comment))
        .contains(
            new Correlation("data.ticketId", "\"t-1\""),
            new Correlation("data.by.id", "\"u-2\""),
            new Correlation("data.n", "null"),
            new Correlation("id", "\"" + TestEvents.ID + "\""))
        .noneMatch(c -> c.path().startsWith("data.tags") || c.path().equals("data.a.b"));
  }
}
