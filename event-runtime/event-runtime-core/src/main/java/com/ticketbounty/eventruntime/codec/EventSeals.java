package com.ticketbounty.eventruntime.codec;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sealed fields of events, for {@link EventCodec}: sealed for their event on the way out,
 * opened — or refused — on the way in. Without a key, a contract with sensitive fields is refused
 * both ways, and so is data holding a sealed value that no contract accounts for.
 */
final class EventSeals {
  private final JsonMapper mapper;
  private final @Nullable SensitiveFields sensitive;

  EventSeals(JsonMapper mapper, @Nullable SensitiveFields sensitive) {
    this.mapper = mapper;
    this.sensitive = sensitive;
  }

  ObjectNode sealedData(Object value, SealScope.Event scope) {
    ObjectNode data = mapper.valueToTree(value);
    if (sensitive != null) {
      sensitive.seal(data, value.getClass(), scope);
    } else if (SensitiveFields.declares(value.getClass())) {
      throw noKey(value.getClass().getSimpleName());
    }
    return data;
  }

  ObjectNode sealedData(ObjectNode data, Collection<Class<?>> contracts, SealScope.Event scope) {
    ObjectNode sealed = data.deepCopy();
    Set<String> paths = new LinkedHashSet<>();
    contracts.forEach(contract -> paths.addAll(SensitivePaths.of(contract)));
    if (paths.isEmpty()) {
      return sealed;
    }
    if (sensitive == null) {
      throw noKey(scope.name());
    }
    sensitive.seal(sealed, paths, scope);
    return sealed;
  }

  /**
   * The event's data opened: by contract when {@code type} is a record or the event is the
   * runtime's own {@code runtime/function.failed} (whose embedded event keeps its own sealed
   * values), else every sealed value where it lies.
   */
  JsonNode opened(EventEnvelope event, @Nullable Class<?> type) throws UndecodableEventException {
    Class<?> contract =
        type != null && type.isRecord()
            ? type
            : FunctionFailed.NAME.equals(event.name()) ? FunctionFailed.class : null;
    SealScope scope = new SealScope.Event(event.id(), event.name());
    if (sensitive != null) {
      return contract == null
          ? sensitive.openAll(event.data(), scope)
          : sensitive.open(event.data(), contract, scope, true);
    }
    if (contract != null && SensitiveFields.declares(contract)) {
      throw new UndecodableEventException(
          "%s has sensitive fields and this service has no event encryption key"
              .formatted(event.name()));
    }
    Optional<String> sealed = SensitiveFields.firstSealed(event.data());
    if (contract == null && sealed.isPresent()) {
      throw new UndecodableEventException(
          "sealed field '%s' of %s cannot be opened: this service has no event encryption key"
              .formatted(sealed.get(), scope));
    }
    return event.data();
  }

  private static IllegalStateException noKey(String what) {
    return new IllegalStateException(
        "%s has sensitive fields: configure an event encryption key (EVENT_ENCRYPTION_KEY)"
            .formatted(what));
  }
}
