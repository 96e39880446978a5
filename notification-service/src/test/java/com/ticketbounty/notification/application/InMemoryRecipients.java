package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The recipients read model in memory, with the same version rules as the table. */
public final class InMemoryRecipients implements Recipients {
  private final Map<UUID, AccountChange> accounts = new HashMap<>();

  @Override
  public synchronized void learn(AccountChange change) {
    AccountChange held = accounts.get(change.userId());
    if (held != null && held.version() >= change.version()) {
      return;
    }
    accounts.put(
        change.userId(),
        new AccountChange(
            change.userId(),
            change.username(),
            change.preference(),
            change.version(),
            change.email() != null ? change.email() : held == null ? null : held.email(),
            change.role() != null ? change.role() : held == null ? null : held.role(),
            change.emailVerified() != null
                ? change.emailVerified()
                : held == null ? null : held.emailVerified()));
  }

  /** Adds a USER with a verified address. */
  public Recipient add(String username, NotificationPreference preference) {
    return add(username, preference, "USER");
  }

  public Recipient add(String username, NotificationPreference preference, String role) {
    UUID userId = UUID.randomUUID();
    learn(
        new AccountChange(
            userId, username, preference.wire(), 1, username + "@example.com", role, true));
    return find(userId).orElseThrow();
  }

  @Override
  public synchronized Optional<Recipient> find(UUID userId) {
    return Optional.ofNullable(accounts.get(userId))
        .filter(account -> account.email() != null)
        .map(InMemoryRecipients::recipient);
  }

  @Override
  public synchronized Map<UUID, Recipient> findAll(Collection<UUID> userIds) {
    Map<UUID, Recipient> found = new HashMap<>();
    userIds.forEach(id -> find(id).ifPresent(recipient -> found.put(id, recipient)));
    return found;
  }

  @Override
  public synchronized List<Recipient> verifiedAdmins() {
    return accounts.values().stream()
        .filter(a -> "ADMIN".equals(a.role()) && Boolean.TRUE.equals(a.emailVerified()))
        .filter(a -> a.email() != null)
        .map(InMemoryRecipients::recipient)
        .sorted(Comparator.comparing(Recipient::userId))
        .toList();
  }

  private static Recipient recipient(AccountChange account) {
    return new Recipient(
        account.userId(),
        Objects.requireNonNull(account.email()),
        account.username(),
        NotificationPreference.fromWire(account.preference()));
  }
}
