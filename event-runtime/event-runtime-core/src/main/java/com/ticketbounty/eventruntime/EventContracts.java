package com.ticketbounty.eventruntime;

/** Reads the {@link EventType} of a contract record. */
public final class EventContracts {
  private EventContracts() {}

  /**
   * @throws IllegalArgumentException when {@code contract} carries no {@link EventType}
   */
  public static EventType typeOf(Class<?> contract) {
    EventType type = contract.getAnnotation(EventType.class);
    if (type == null) {
      throw new IllegalArgumentException(
          contract.getName() + " is not an event contract: annotate it with @EventType");
    }
    return type;
  }

  public static SchemaVersion versionOf(Class<?> contract) {
    return SchemaVersion.parse(typeOf(contract).version());
  }
}
