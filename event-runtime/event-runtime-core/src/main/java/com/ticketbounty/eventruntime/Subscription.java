package com.ticketbounty.eventruntime;

import java.util.regex.Pattern;

/**
 * A consumer of one event contract. Its id names its queue ({@code <prefix><service>.<id>}) and its
 * deduplication records, so it must stay stable across deploys. It accepts every MINOR version of
 * the contract's MAJOR; another MAJOR is dead-lettered with its reason.
 *
 * @param id lower-case words joined by dashes, for example {@code ticket-created-confirmation}
 * @param contract the record annotated with {@link EventType}
 * @param handler what it does with each event
 */
public record Subscription<T>(String id, Class<T> contract, EventHandler<T> handler) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Subscription {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "subscription id must be lower-case words joined by dashes, was '" + id + "'");
    }
    EventContracts.versionOf(contract);
  }

  public String eventName() {
    return EventContracts.typeOf(contract).name();
  }

  public SchemaVersion version() {
    return EventContracts.versionOf(contract);
  }
}
