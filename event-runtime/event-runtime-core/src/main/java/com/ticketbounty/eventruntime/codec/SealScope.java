package com.ticketbounty.eventruntime.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a sealed value belongs to. Together with the value's path within the data ({@code
 * recipient.link}), it is the AES-GCM associated data of the value: a value opens only where it was
 * sealed, so a sealed reset link copied into another event, another field, or the memo of another
 * run or step does not open there.
 */
public sealed interface SealScope {

  /** The value lies in the data of the event with this id and name. */
  record Event(UUID id, String name) implements SealScope {
    @Override
    public List<String> identity() {
      return List.of("event", id.toString(), name);
    }

    @Override
    public String toString() {
      return "event %s %s".formatted(name, id);
    }
  }

  /** The value lies in the memo of this step of this run (a step's result, an invoke's output). */
  record Memo(UUID runId, String stepKey) implements SealScope {
    @Override
    public List<String> identity() {
      return List.of("memo", runId.toString(), stepKey);
    }

    @Override
    public String toString() {
      return "step '%s' of run %s".formatted(stepKey, runId);
    }
  }

  /** What names the scope: its kind and identifiers. */
  List<String> identity();

  /**
   * The associated data of a value sealed in this scope at {@code path} with key {@code keyId}:
   * every part length-prefixed, so that no two different scopes or paths give the same bytes.
   */
  default byte[] associatedData(String keyId, String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Stream.of(List.of("event-runtime sealed field v2", keyId), identity(), List.of(path))
        .flatMap(List::stream)
        .map(part -> part.getBytes(StandardCharsets.UTF_8))
        .forEach(
            bytes -> {
              out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
              out.writeBytes(bytes);
            });
    return out.toByteArray();
  }
}
