package com.ticketbounty.serviceweb.idempotency;

import com.ticketbounty.serviceweb.problem.FieldProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md's {@code Idempotency-Key}: a POST repeated by the same caller with the same key within 24
 * hours returns the first answer and creates nothing new.
 *
 * <p>The key's row is inserted in the same R2DBC transaction as the work it guards (the use case's
 * own transaction joins it), so a row exists exactly when the work was committed. A concurrent
 * duplicate's insert waits on the first one's row lock and then finds the committed answer; if the
 * first rolls back, the duplicate does the work itself. The same key with a different request is
 * 422: it is a client bug, not a retry.
 */
public final class IdempotentRequests {
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final DatabaseClient database;
  private final TransactionalOperator transactions;
  private final JsonMapper mapper;

  public IdempotentRequests(
      DatabaseClient database, TransactionalOperator transactions, JsonMapper mapper) {
    this.database = database;
    this.transactions = transactions;
    this.mapper = mapper;
  }

  /**
   * @param operation names what is guarded ({@code open-ticket}); a key is scoped to it and to the
   *     caller
   * @param key the header's value, or null when the request carried none (the work just runs)
   * @param request what the caller asked, compared with the first request of the same key
   * @param work the guarded work; it must run its writes in the current R2DBC transaction
   */
  public Mono<ResponseEntity<Object>> once(
      UUID callerId,
      String operation,
      @Nullable String key,
      Object request,
      Supplier<Mono<? extends ResponseEntity<?>>> work) {
    if (key == null) {
      return work.get().map(IdempotentRequests::widen);
    }
    if (!KEY.matcher(key).matches()) {
      return Mono.error(badKey());
    }
    String hash = hash(operation, request);
    Mono<ResponseEntity<Object>> guarded =
        forgetExpired(callerId, operation, key)
            .then(claim(callerId, operation, key, hash))
            .flatMap(
                claimed ->
                    claimed
                        ? work.get().flatMap(answer -> remember(callerId, operation, key, answer))
                        : replay(callerId, operation, key, hash));
    return transactions.transactional(guarded);
  }

  private Mono<Void> forgetExpired(UUID callerId, String operation, String key) {
    return database
        .sql(
            "DELETE FROM service_web.idempotent_requests WHERE caller_id = :caller AND operation ="
                + " :operation AND idempotency_key = :key AND created_at < now() - interval '24 hours'")
        .bind("caller", callerId)
        .bind("operation", operation)
        .bind("key", key)
        .then();
  }

  /** Inserts the key's row, empty until the work's answer is known; false when it exists. */
  private Mono<Boolean> claim(UUID callerId, String operation, String key, String hash) {
    return database
        .sql(
            "INSERT INTO service_web.idempotent_requests (caller_id, operation, idempotency_key,"
                + " request_hash, status, body) VALUES (:caller, :operation, :key, :hash, 0, '')"
                + " ON CONFLICT DO NOTHING")
        .bind("caller", callerId)
        .bind("operation", operation)
        .bind("key", key)
        .bind("hash", hash)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  private Mono<ResponseEntity<Object>> remember(
      UUID callerId, String operation, String key, ResponseEntity<?> answer) {
    URI location = answer.getHeaders().getLocation();
    DatabaseClient.GenericExecuteSpec update =
        database
            .sql(
                "UPDATE service_web.idempotent_requests SET status = :status, body = :body,"
                    + " location = :location WHERE caller_id = :caller AND operation = :operation"
                    + " AND idempotency_key = :key")
            .bind("status", answer.getStatusCode().value())
            .bind("body", mapper.writeValueAsString(answer.getBody()))
            .bind("caller", callerId)
            .bind("operation", operation)
            .bind("key", key);
    update =
        location == null
            ? update.bindNull("location", String.class)
            : update.bind("location", location.toString());
    return update.then().thenReturn(widen(answer));
  }

  private Mono<ResponseEntity<Object>> replay(
      UUID callerId, String operation, String key, String hash) {
    return database
        .sql(
            "SELECT request_hash, status, location, body FROM service_web.idempotent_requests"
                + " WHERE caller_id = :caller AND operation = :operation AND idempotency_key = :key")
        .bind("caller", callerId)
        .bind("operation", operation)
        .bind("key", key)
        .map(
            row ->
                new Stored(
                    row.get("request_hash", String.class),
                    row.get("status", Integer.class),
                    row.get("location", String.class),
                    row.get("body", String.class)))
        .one()
        .flatMap(stored -> stored.answer(hash, mapper));
  }

  private record Stored(String hash, int status, @Nullable String location, String body) {
    Mono<ResponseEntity<Object>> answer(String requestHash, JsonMapper mapper) {
      if (!hash.equals(requestHash)) {
        return Mono.error(reusedKey());
      }
      ResponseEntity.BodyBuilder answer =
          ResponseEntity.status(status).header("Idempotent-Replayed", "true");
      if (location != null) {
        answer.location(URI.create(location));
      }
      JsonNode json = mapper.readTree(body);
      return Mono.just(answer.body(json));
    }
  }

  @SuppressWarnings("unchecked")
  private static ResponseEntity<Object> widen(ResponseEntity<?> answer) {
    return (ResponseEntity<Object>) answer;
  }

  private String hash(String operation, Object request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(operation.getBytes(StandardCharsets.UTF_8));
      digest.update(mapper.writeValueAsBytes(request));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static ErrorResponseException badKey() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
    problem.setProperty("errors", List.of(new FieldProblem(HEADER, "is not a valid key")));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  private static ErrorResponseException reusedKey() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "This Idempotency-Key was used for a different request.");
    problem.setProperty(
        "errors", List.of(new FieldProblem(HEADER, "was used for a different request")));
    return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
  }
}
