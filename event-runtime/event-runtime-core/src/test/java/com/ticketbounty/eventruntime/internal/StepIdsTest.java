package com.ticketbounty.eventruntime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepIdsTest {

  @Test
  void indexesARepeatedIdAndLeavesTheFirstUseAsItIs() {
    StepIds ids = new StepIds();

    List<String> keys =
        List.of(ids.next("send"), ids.next("track"), ids.next("send"), ids.next("send"));

    assertThat(keys).containsExactly("send", "track", "send:1", "send:2");
  }

  @Test
  void givesTheSameKeysToTheSameCodePathOnEveryAttempt() {
    List<String> first = loopOfThree(new StepIds());
    List<String> second = loopOfThree(new StepIds());

    assertThat(second).isEqualTo(first).containsExactly("notify", "notify:1", "notify:2");
  }

  @Test
  void refusesIdsThatCouldCollideWithAnIndexOrAreEmpty() {
    StepIds ids = new StepIds();

    assertThatThrownBy(() -> ids.next("send:1")).hasMessageContaining("step id");
    assertThatThrownBy(() -> ids.next("")).hasMessageContaining("step id");
    assertThatThrownBy(() -> ids.next("x".repeat(129))).hasMessageContaining("step id");
  }

  private static List<String> loopOfThree(StepIds ids) {
    return IntStream.range(0, 3).mapToObj(i -> ids.next("notify")).toList();
  }
}
