package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.AccountChangedMeanwhileException;
import com.ticketbounty.identity.application.AccountCounts;
import com.ticketbounty.identity.application.AccountTakenException;
import com.ticketbounty.identity.application.Users;
import com.ticketbounty.identity.domain.EmailAddress;
import com.ticketbounty.identity.domain.NotificationPreference;
import com.ticketbounty.identity.domain.Role;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.Username;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code users} table. Statements run on the connection of the current reactive transaction
 * when there is one, so they commit with it. The unique indexes are the last word on a taken e-mail
 * or username, also when two sign-ups race; usernames are compared as the index compares them, in
 * NFC and lower case (names are written in NFC, but one stored before may not be).
 */
public final class R2dbcUsers implements Users {
  private static final String COLUMNS =
      "id, username, email, password_hash, role, notification_preference, email_verified_at,"
          + " version, created_at, updated_at";
  private static final String INSERT =
      "INSERT INTO users ("
          + COLUMNS
          + ") VALUES (:id, :username, :email, :passwordHash, :role, :preference, :verifiedAt,"
          + " :version, :createdAt, :updatedAt)";
  private static final String UPDATE =
      """
      UPDATE users SET username = :username, password_hash = :passwordHash, role = :role,
             notification_preference = :preference, email_verified_at = :verifiedAt,
             version = :version, updated_at = :updatedAt
      WHERE id = :id AND version = :previousVersion""";

  private final DatabaseClient database;

  public R2dbcUsers(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(User user) {
    return bindAll(database.sql(INSERT), user)
        .bind("email", user.email().value())
        .bind("createdAt", user.createdAt())
        .then()
        .onErrorMap(DataIntegrityViolationException.class, R2dbcUsers::taken);
  }

  @Override
  public Mono<Void> update(User user, long previousVersion) {
    return bindAll(database.sql(UPDATE), user)
        .bind("previousVersion", previousVersion)
        .fetch()
        .rowsUpdated()
        .onErrorMap(DataIntegrityViolationException.class, R2dbcUsers::taken)
        .flatMap(
            rows ->
                rows == 1
                    ? Mono.<Void>empty()
                    : Mono.error(new AccountChangedMeanwhileException()));
  }

  private static DatabaseClient.GenericExecuteSpec bindAll(
      DatabaseClient.GenericExecuteSpec spec, User user) {
    DatabaseClient.GenericExecuteSpec bound =
        spec.bind("id", user.id())
            .bind("username", user.username().value())
            .bind("passwordHash", user.passwordHash())
            .bind("role", user.role().name())
            .bind("preference", user.preference().wireName())
            .bind("version", user.version())
            .bind("updatedAt", user.updatedAt());
    return user.emailVerifiedAt()
        .map(at -> bound.bind("verifiedAt", at))
        .orElseGet(() -> bound.bindNull("verifiedAt", Instant.class));
  }

  @Override
  public Mono<Boolean> upgradePasswordHash(UUID id, String expected, String upgraded) {
    return database
        .sql(
            "UPDATE users SET password_hash = :upgraded WHERE id = :id AND password_hash ="
                + " :expected")
        .bind("upgraded", upgraded)
        .bind("id", id)
        .bind("expected", expected)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  @Override
  public Mono<User> withId(UUID id) {
    return database
        .sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .bind("id", id)
        .map(R2dbcUsers::toUser)
        .one();
  }

  @Override
  public Flux<User> page(@Nullable UUID after, int limit) {
    DatabaseClient.GenericExecuteSpec query =
        after == null
            ? database.sql("SELECT " + COLUMNS + " FROM users ORDER BY id LIMIT :limit")
            : database
                .sql("SELECT " + COLUMNS + " FROM users WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", after);
    return query.bind("limit", limit).map(R2dbcUsers::toUser).all();
  }

  @Override
  public Mono<User> withEmail(EmailAddress email) {
    return database
        .sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
        .bind("email", email.value())
        .map(R2dbcUsers::toUser)
        .one();
  }

  @Override
  public Mono<List<String>> taken(EmailAddress email, Username username, UUID except) {
    return database
        .sql(
            """
            SELECT bool_or(email = :email) AS email,
                   bool_or(lower(normalize(username, NFC)) = lower(:username)) AS username
            FROM users
            WHERE (email = :email OR lower(normalize(username, NFC)) = lower(:username))
              AND id <> :id""")
        .bind("email", email.value())
        .bind("username", username.value())
        .bind("id", except)
        .map(
            row -> {
              List<String> fields = new ArrayList<>();
              if (Boolean.TRUE.equals(row.get("username", Boolean.class))) {
                fields.add(Username.FIELD);
              }
              if (Boolean.TRUE.equals(row.get("email", Boolean.class))) {
                fields.add(EmailAddress.FIELD);
              }
              return List.copyOf(fields);
            })
        .one();
  }

  @Override
  public Mono<List<String>> usernameTaken(Username username, UUID except) {
    return database
        .sql(
            "SELECT count(*) FROM users"
                + " WHERE lower(normalize(username, NFC)) = lower(:username) AND id <> :id")
        .bind("username", username.value())
        .bind("id", except)
        .map(row -> row.get(0, Long.class))
        .one()
        .map(count -> count > 0 ? List.of(Username.FIELD) : List.<String>of());
  }

  @Override
  public Mono<AccountCounts> count(Instant since) {
    Instant from = toMicrosUp(since);
    return database
        .sql(
            "SELECT count(*) AS total, count(*) FILTER (WHERE created_at >= :since) AS created"
                + " FROM users")
        .bind("since", from)
        .map(
            row ->
                new AccountCounts(
                    row.get("total", Long.class), row.get("created", Long.class), since))
        .one();
  }

  /**
   * The store keeps microseconds: an account created at a stored microsecond was created at or
   * after {@code since} exactly when that microsecond is at or after {@code since} rounded up.
   */
  private static Instant toMicrosUp(Instant since) {
    Instant truncated = since.truncatedTo(ChronoUnit.MICROS);
    return truncated.equals(since) ? since : truncated.plus(1, ChronoUnit.MICROS);
  }

  /** Which unique index refused the row, in the request's terms. */
  private static Throwable taken(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("users_username_key")) {
      return new AccountTakenException(List.of(Username.FIELD));
    }
    if (message.contains("users_email_key")) {
      return new AccountTakenException(List.of(EmailAddress.FIELD));
    }
    return e;
  }

  private static User toUser(Readable row) {
    return User.restore(
        row.get("id", UUID.class),
        Username.stored(row.get("username", String.class)),
        new EmailAddress(row.get("email", String.class)),
        row.get("password_hash", String.class),
        Role.valueOf(row.get("role", String.class)),
        NotificationPreference.ofWireName(row.get("notification_preference", String.class))
            .orElseThrow(),
        row.get("email_verified_at", Instant.class),
        row.get("version", Long.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
