package com.ticketbounty.eventruntime.internal;

import static com.ticketbounty.eventruntime.internal.TestEvents.event;
import static com.ticketbounty.eventruntime.internal.TestEvents.eventBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelEventValuesTest {

  @Test
  void givesExactlyTheWireFieldsWithTheirCelTypes() {
    Map<String, Object> values = CelEventValues.of(eventBy("u-1", "{}"));

    assertThat(values)
        .containsExactly(
            Map.entry("id", TestEvents.ID.toString()),
            Map.entry("name", "app/ticket.created"),
            Map.entry("v", "1.2"),
            Map.entry("ts", 1_735_689_600_000L),
            Map.entry("data", Map.of()),
            Map.entry("user", Map.of("id", "u-1")));
  }

  @Test
  void leavesUserOutWhenThereIsNoActingUser() {
    assertThat(CelEventValues.of(event("{}"))).doesNotContainKey("user");
  }

  @Test
  void convertsJsonToMapsListsAndScalars() {
    Object data =
        CelEventValues.of(
                event(
                    "{'s': 'x', 'i': 7, 'd': 2.5, 'b': false, 'z': null, 'big': 18446744073709551616,"
                        + " 'list': [1, 'two', {'three': 3}]}"))
            .get("data");

    assertThat(data)
        .isEqualTo(
            Map.of(
                "s",
                "x",
                "i",
                7L,
                "d",
                2.5,
                "b",
                false,
                "z",
                NullValue.NULL_VALUE,
                "big",
                1.8446744073709552E19,
                "list",
                List.of(1L, "two", Map.of("three", 3L))));
  }
}
