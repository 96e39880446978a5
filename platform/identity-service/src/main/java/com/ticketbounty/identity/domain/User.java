package com.ticketbounty.identity.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account. Immutable: each change returns the account as it is afterwards, one {@link
 * #version()} higher when its profile (what read models copy) changed.
 */
public final class User {
  private final UUID id;
  private final Username username;
  private final EmailAddress email;
  private final String passwordHash;
  private final Role role;
  private final NotificationPreference preference;
  private final @Nullable Instant emailVerifiedAt;
  private final long version;
  private final Instant createdAt;
  private final Instant updatedAt;

  private User(
      UUID id,
      Username username,
      EmailAddress email,
      String passwordHash,
      Role role,
      NotificationPreference preference,
      @Nullable Instant emailVerifiedAt,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.username = Objects.requireNonNull(username, "username");
    this.email = Objects.requireNonNull(email, "email");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.role = Objects.requireNonNull(role, "role");
    this.preference = Objects.requireNonNull(preference, "preference");
    this.emailVerifiedAt = emailVerifiedAt;
    this.version = version;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A new account: a {@link Role#USER} (whatever its address: the ADMIN role waits for the address
   * to be proven, see {@link #verified}), version 1, unverified, notifications {@link
   * NotificationPreference#DEFAULT}.
   */
  public static User signUp(
      UUID id, Username username, EmailAddress email, String passwordHash, Instant now) {
    Instant at = micros(now);
    return new User(
        id,
        username,
        email,
        passwordHash,
        Role.USER,
        NotificationPreference.DEFAULT,
        null,
        1,
        at,
        at);
  }

  /** An account as it was stored. */
  public static User restore(
      UUID id,
      Username username,
      EmailAddress email,
      String passwordHash,
      Role role,
      NotificationPreference preference,
      @Nullable Instant emailVerifiedAt,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    return new User(
        id,
        username,
        email,
        passwordHash,
        role,
        preference,
        emailVerifiedAt,
        version,
        createdAt,
        updatedAt);
  }

  /** The account with a new profile, one version on; the same account when nothing changes. */
  public User withProfile(Username newName, NotificationPreference newPreference, Instant now) {
    if (newName.equals(username) && newPreference == preference) {
      return this;
    }
    return new User(
        id,
        newName,
        email,
        passwordHash,
        role,
        newPreference,
        emailVerifiedAt,
        version + 1,
        createdAt,
        micros(now));
  }

  /** The account with a new password hash; not a profile change, so the version stays. */
  public User withPasswordHash(String newHash, Instant now) {
    return new User(
        id,
        username,
        email,
        newHash,
        role,
        preference,
        emailVerifiedAt,
        version,
        createdAt,
        micros(now));
  }

  /**
   * The account with its password hashed again (the same password, stronger parameters): nothing
   * the user changed, so neither the version nor the update time moves.
   */
  public User withPasswordRehashed(String newHash) {
    return new User(
        id,
        username,
        email,
        newHash,
        role,
        preference,
        emailVerifiedAt,
        version,
        createdAt,
        updatedAt);
  }

  /**
   * The account with its e-mail address proven now (the first proof counts), and an ADMIN when the
   * address is one of {@code admins}: the proof that the address is the account's is what the role
   * waits for. Whether the address is verified, and the role, are part of the profile, so a change
   * of either is one version on; the same account when neither changes (a second proof of an
   * address that gives no role). A role is never taken away here.
   */
  public User verified(Instant now, AdminEmails admins) {
    Role newRole = admins.includes(email) ? Role.ADMIN : role;
    if (emailVerifiedAt != null && newRole == role) {
      return this;
    }
    Instant at = micros(now);
    return new User(
        id,
        username,
        email,
        passwordHash,
        newRole,
        preference,
        emailVerifiedAt == null ? at : emailVerifiedAt,
        version + 1,
        createdAt,
        at);
  }

  // Kept to the microsecond, the precision the store keeps, so an account reads back as answered.
  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  public UUID id() {
    return id;
  }

  public Username username() {
    return username;
  }

  public EmailAddress email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public NotificationPreference preference() {
    return preference;
  }

  public Optional<Instant> emailVerifiedAt() {
    return Optional.ofNullable(emailVerifiedAt);
  }

  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof User user && user.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "User[" + id + ", " + username + "]";
  }
}
