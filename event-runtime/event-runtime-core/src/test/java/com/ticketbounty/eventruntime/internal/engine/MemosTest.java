package com.ticketbounty.eventruntime.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.Sensitive;
import com.ticketbounty.eventruntime.codec.EventKeys;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.codec.SensitiveFields;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MemosTest {
  private static final SealScope.Memo STEP = new SealScope.Memo(UUID.randomUUID(), "mail");
  private final Memos memos = new Memos();
  private final Memos sealing =
      new Memos(
          new SensitiveFields(
              new FieldCipher(EventKeys.random(), true), JsonMapper.builder().build()));

  record Mail(String to, @Sensitive String link) {}

  @Test
  void writesVersionedDataAndErrorMemos() {
    assertThat(memos.data(STEP, List.of("a", "b"))).isEqualTo("{\"v\":1,\"data\":[\"a\",\"b\"]}");
    assertThat(memos.error("boom")).isEqualTo("{\"v\":1,\"error\":\"boom\"}");
    assertThat(memos.read(STEP, memos.data(STEP, 42), Integer.class)).isEqualTo(42);
    assertThat(memos.errorOf(memos.error("boom"))).isEqualTo("boom");
  }

  @Test
  void refusesAMemoFormatNewerThanItKnows() {
    assertThatThrownBy(() -> memos.read(STEP, "{\"v\":2,\"data\":1}", Integer.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("memo format v2");
  }

  @Test
  void sealsASensitiveComponentOfAResultForItsRunAndStep() {
    String memo = sealing.data(STEP, new Mail("ada@example.com", "https://reset"));

    assertThat(memo).contains("ada@example.com").contains("$enc").doesNotContain("https://reset");
    assertThat(sealing.read(STEP, memo, Mail.class).link()).isEqualTo("https://reset");
  }

  @Test
  void aMemoMovedToAnotherRunOrStepDoesNotOpen() {
    String memo = sealing.data(STEP, new Mail("ada@example.com", "https://reset"));

    for (SealScope.Memo elsewhere :
        List.of(
            new SealScope.Memo(UUID.randomUUID(), STEP.stepKey()),
            new SealScope.Memo(STEP.runId(), "mail:1"))) {
      assertThatThrownBy(() -> sealing.read(elsewhere, memo, Mail.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("sealed field 'link' of " + elsewhere);
    }
  }
}
