package com.ticketbounty.eventruntime.codec;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a service seals and opens event fields with: the current key seals every new value; the
 * current and the previous keys open what they sealed, picked by the key id a value names. A
 * rotation adds the new key as a previous key everywhere first, then makes it current, and drops
 * the old one once nothing sealed with it can still arrive (docs/runbooks/event-encryption-key.md).
 */
public final class EventKeys {
  private final EventKey current;
  private final Map<String, EventKey> byId;

  private EventKeys(EventKey current, Map<String, EventKey> byId) {
    this.current = current;
    this.byId = byId;
  }

  /**
   * @param current {@code EVENT_ENCRYPTION_KEY}, base64
   * @param previous {@code EVENT_ENCRYPTION_PREVIOUS_KEYS}, base64 each; a key listed twice, or the
   *     current key listed again, counts once
   * @throws IllegalArgumentException when a key is not 32 bytes of base64, or two different keys
   *     have the same id
   */
  public static EventKeys of(String current, List<String> previous) {
    EventKey seals = EventKey.fromBase64(current, "EVENT_ENCRYPTION_KEY");
    Map<String, EventKey> byId = new LinkedHashMap<>();
    byId.put(seals.id(), seals);
    for (int i = 0; i < previous.size(); i++) {
      if (previous.get(i).isBlank()) {
        continue;
      }
      String name = "previous key %d of EVENT_ENCRYPTION_PREVIOUS_KEYS".formatted(i + 1);
      EventKey key = EventKey.fromBase64(previous.get(i), name);
      EventKey known = byId.putIfAbsent(key.id(), key);
      if (known != null && !known.key().equals(key.key())) {
        throw new IllegalArgumentException(
            "%s has the id %s of another key; generate a new key".formatted(name, key.id()));
      }
    }
    return new EventKeys(seals, Map.copyOf(byId));
  }

  /** A ring of one new random key: for tests and the in-memory kit. */
  public static EventKeys random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return of(Base64.getEncoder().encodeToString(key), List.of());
  }

  /** The key that seals. */
  public EventKey current() {
    return current;
  }

  public Optional<EventKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every key, the current one first. */
  public Collection<EventKey> all() {
    List<EventKey> all = new ArrayList<>();
    all.add(current);
    byId.values().stream().filter(key -> key != current).forEach(all::add);
    return all;
  }

  /** The ids of the previous keys (the current key's excluded), for a log line. */
  public List<String> previousIds() {
    return all().stream().skip(1).map(EventKey::id).toList();
  }
}
