package com.ticketbounty.eventruntime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key ring: ids derived from the keys, the current key first, clear errors at start-up. */
class EventKeysTest {
  private static final String A = key(1);
  private static final String B = key(2);

  @Test
  void theIdIsTheStartOfTheKeysSha256InHex() {
    // printf '\x01%.0s' {1..32} | sha256sum → 72cd6e84…
    assertThat(EventKeys.of(A, List.of()).current().id()).isEqualTo("72cd6e84");
  }

  @Test
  void theCurrentKeySealsAndEveryKeyIsFoundByItsId() {
    EventKeys keys = EventKeys.of(B, List.of(A, " ", B));

    assertThat(keys.current().id()).isEqualTo(EventKeys.of(B, List.of()).current().id());
    assertThat(keys.all()).hasSize(2).first().isEqualTo(keys.current());
    assertThat(keys.find(EventKeys.of(A, List.of()).current().id())).isPresent();
    assertThat(keys.previousIds()).containsExactly(EventKeys.of(A, List.of()).current().id());
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64StopsWithAClearErrorThatShowsNoKey() {
    assertThatThrownBy(
            () -> EventKeys.of(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
        .hasMessage("EVENT_ENCRYPTION_KEY must be 256 bits (32 bytes), was 16 bytes");
    assertThatThrownBy(() -> EventKeys.of(A, List.of(B, "not base64!")))
        .hasMessage("previous key 2 of EVENT_ENCRYPTION_PREVIOUS_KEYS is not base64");
  }

  private static String key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return Base64.getEncoder().encodeToString(key);
  }
}
