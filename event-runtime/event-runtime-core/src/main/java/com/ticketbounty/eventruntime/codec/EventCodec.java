package com.ticketbounty.eventruntime.codec;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns contract records into events and events into the wire format of DESIGN.md §4, and back.
 * Reading is lenient where evolution needs it (unknown fields are ignored) and strict where a
 * message could never be right (no id, no name, a version that is not {@code MAJOR.MINOR}).
 */
public final class EventCodec {
  private final JsonMapper mapper;
  private final Clock clock;
  private final @Nullable SensitiveFields sensitive;
  private final EventSeals seals;

  /** A codec without an encryption key: contracts with {@code @Sensitive} fields are refused. */
  public EventCodec(Clock clock) {
    this(defaultMapper(), clock, null);
  }

  /** A codec that seals {@code @Sensitive} fields with {@code cipher} and opens them on reading. */
  public EventCodec(Clock clock, FieldCipher cipher) {
    this(defaultMapper(), clock, cipher);
  }

  public EventCodec(JsonMapper mapper, Clock clock, @Nullable FieldCipher cipher) {
    this.mapper = mapper;
    this.clock = clock;
    this.sensitive = cipher == null ? null : new SensitiveFields(cipher, mapper);
    this.seals = new EventSeals(mapper, sensitive);
  }

  private static JsonMapper defaultMapper() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  /** Seals and opens sensitive fields with this codec's key; empty without a key. */
  public Optional<SensitiveFields> sensitiveFields() {
    return Optional.ofNullable(sensitive);
  }

  /** A new event (fresh v7 id, the clock's time) carrying {@code contract} as its data. */
  public EventEnvelope envelope(Object contract, @Nullable EventUser user) {
    return envelope(contract, UuidV7.next(clock), Instant.ofEpochMilli(clock.millis()), user);
  }

  /**
   * An event with the given id and time carrying {@code contract} as its data, its sensitive fields
   * sealed for this event (a durable step's {@code sendEvent} derives both from the run).
   */
  public EventEnvelope envelope(
      Object contract, UUID id, Instant timestamp, @Nullable EventUser user) {
    EventType type = EventContracts.typeOf(contract.getClass());
    return new EventEnvelope(
        id,
        type.name(),
        SchemaVersion.parse(type.version()),
        timestamp,
        sealedData(contract, new SealScope.Event(id, type.name())),
        user);
  }

  /**
   * {@code value} as the data of the event {@code scope} names, its {@code @Sensitive} fields
   * sealed for that event (for data that travels in an event without being a contract of its own,
   * such as an {@code invoke}'s).
   *
   * @throws IllegalStateException when it has sensitive fields and this codec has no key
   */
  public ObjectNode sealedData(Object value, SealScope.Event scope) {
    return seals.sealedData(value, scope);
  }

  public String encode(EventEnvelope event) {
    ObjectNode body = mapper.createObjectNode();
    body.put("id", event.id().toString());
    body.put("name", event.name());
    body.put("v", event.version().toString());
    body.put("ts", event.timestamp().toEpochMilli());
    body.set("data", event.data());
    if (event.user() != null) {
      body.putObject("user").put("id", event.user().id());
    }
    return mapper.writeValueAsString(body);
  }

  public EventEnvelope decode(byte[] body) throws UndecodableEventException {
    JsonNode root;
    try {
      root = mapper.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw new UndecodableEventException("body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UndecodableEventException("body is not a JSON object");
    }
    try {
      UUID id = UUID.fromString(text(root, "id"));
      SchemaVersion version = SchemaVersion.parse(text(root, "v"));
      JsonNode ts = root.get("ts");
      if (ts == null || !ts.canConvertToLong()) {
        throw new UndecodableEventException("field 'ts' must be epoch milliseconds");
      }
      JsonNode user = root.get("user");
      EventUser actingUser = user == null || user.isNull() ? null : new EventUser(text(user, "id"));
      JsonNode data = root.get("data");
      if (data == null || !data.isObject()) {
        throw new UndecodableEventException("field 'data' must be a JSON object");
      }
      return new EventEnvelope(
          id, text(root, "name"), version, Instant.ofEpochMilli(ts.asLong()), data, actingUser);
    } catch (IllegalArgumentException e) {
      throw new UndecodableEventException(e.getMessage());
    }
  }

  /**
   * Reads the data of {@code event} as {@code type}, with its sensitive fields opened. A record is
   * read by its contract: each {@code @Sensitive} component must arrive sealed for this event and
   * this field; a sealed value elsewhere is not opened (it is not this contract's). Any other type
   * (a {@code JsonNode}, a {@code Map}) sees every sealed value opened where it lies, except in
   * {@code runtime/function.failed}, which is read by its contract.
   *
   * @throws UndecodableEventException when the payload does not fit, a sensitive field arrived in
   *     clear, or a sealed value does not open here (sealed for another event or field, or with a
   *     key this service does not hold)
   */
  public <T> T read(EventEnvelope event, Class<T> type) throws UndecodableEventException {
    JsonNode opened = seals.opened(event, type);
    try {
      return mapper.treeToValue(opened, type);
    } catch (JacksonException e) {
      throw new UndecodableEventException(
          "data does not fit %s: %s".formatted(contractName(event, type), e.getOriginalMessage()));
    }
  }

  /**
   * Checks, before an event is taken in, that its sealed fields open here: those of {@code
   * contract} when the consumer names one (and that none of its {@code @Sensitive} components
   * arrived in clear), otherwise every sealed value in the data.
   *
   * @throws UndecodableEventException naming the field that does not open or arrived in clear
   */
  public void checkSealed(EventEnvelope event, @Nullable Class<?> contract)
      throws UndecodableEventException {
    seals.opened(event, contract);
  }

  /** The data of {@code event} with every sealed value opened: for tests and tools. */
  public JsonNode openedData(EventEnvelope event) throws UndecodableEventException {
    return seals.opened(event, null);
  }

  /**
   * {@code data} as the data of the event {@code scope} names, the values at the sensitive paths of
   * every one of {@code contracts} sealed (for the operations API, which sends raw JSON).
   */
  public ObjectNode sealedData(
      ObjectNode data, Collection<Class<?>> contracts, SealScope.Event scope) {
    return seals.sealedData(data, contracts, scope);
  }

  private static String contractName(EventEnvelope event, Class<?> type) {
    EventType contract = type.getAnnotation(EventType.class);
    return contract == null ? event.name() : contract.name();
  }

  private static String text(JsonNode node, String field) throws UndecodableEventException {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new UndecodableEventException("field '" + field + "' must be a non-empty string");
    }
    return value.asString();
  }
}
