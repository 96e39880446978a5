package com.ticketbounty.eventruntime.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemosTest {
  private final Memos memos = new Memos();

  @Test
  void writesVersionedDataAndErrorMemos() {
    assertThat(memos.data(List.of("a", "b"))).isEqualTo("{\"v\":1,\"data\":[\"a\",\"b\"]}");
    assertThat(memos.error("boom")).isEqualTo("{\"v\":1,\"error\":\"boom\"}");
    assertThat(memos.read(memos.data(42), Integer.class)).isEqualTo(42);
    assertThat(memos.errorOf(memos.error("boom"))).isEqualTo("boom");
  }

  @Test
  void refusesAMemoFormatNewerThanItKnows() {
    assertThatThrownBy(() -> memos.read("{\"v\":2,\"data\":1}", Integer.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("memo format v2");
  }
}
