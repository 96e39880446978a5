package com.ticketbounty.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the wire format of every contract of the {@link EventCatalog}: its golden file ({@code
 * golden/<name with / as ->/<MAJOR.MINOR>.json}) reads as the record, the record writes exactly the
 * golden data back, sensitive fields are sealed in the file, and a later MINOR's extra field is
 * ignored. Sealed values in golden files are sealed with the development key for the golden event's
 * id and name ({@code v2:<key id>:…}).
 */
class GoldenFilesTest {
  private static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdCE=";
  private static final String DEVELOPMENT_KEY_ID = "da1c59bc";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final EventCodec CODEC =
      new EventCodec(Clock.systemUTC(), FieldCipher.fromBase64(DEVELOPMENT_KEY));

  static Stream<Class<? extends Record>> catalog() {
    return EventCatalog.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void readsAndWritesItsGoldenFile(Class<? extends Record> contract) throws Exception {
    EventEnvelope envelope = CODEC.decode(golden(contract));
    EventType type = EventContracts.typeOf(contract);

    assertThat(envelope.name()).isEqualTo(type.name());
    assertThat(envelope.version()).isEqualTo(EventContracts.versionOf(contract));
    Object event = CODEC.read(envelope, contract);
    JsonNode opened = CODEC.openedData(envelope);
    // Compared as parsed text: a tree built from a record holds longs where parsing gives ints.
    assertThat(MAPPER.readTree(MAPPER.writeValueAsString(event)))
        .isEqualTo(MAPPER.readTree(MAPPER.writeValueAsString(opened)));
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void keepsSensitiveFieldsSealedInTheFile(Class<? extends Record> contract) throws Exception {
    JsonNode data = MAPPER.readTree(golden(contract)).get("data");

    for (RecordComponent component : contract.getRecordComponents()) {
      assertThat(data.has(component.getName()))
          .as("golden data has %s", component.getName())
          .isTrue();
      if (component.isAnnotationPresent(Sensitive.class)) {
        assertThat(data.get(component.getName()).path("$enc").asString(""))
            .as("%s is sealed in the current format, with the development key", component.getName())
            .startsWith("v2:" + DEVELOPMENT_KEY_ID + ":");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void ignoresAFieldAddedByALaterMinorVersion(Class<? extends Record> contract) throws Exception {
    ObjectNode body = (ObjectNode) MAPPER.readTree(golden(contract));
    ObjectNode data = (ObjectNode) body.get("data");
    EventEnvelope original = CODEC.decode(golden(contract));
    body.put("v", original.version().major() + "." + (original.version().minor() + 1));
    data.putArray("labels").add("added-later");

    EventEnvelope newer =
        CODEC.decode(MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));

    assertThat(CODEC.read(newer, contract)).isEqualTo(CODEC.read(original, contract));
  }

  private static byte[] golden(Class<?> contract) throws IOException {
    EventType type = EventContracts.typeOf(contract);
    String path = "/golden/" + type.name().replace('/', '-') + "/" + type.version() + ".json";
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden file %s", path).isNotNull();
      return in.readAllBytes();
    }
  }
}
