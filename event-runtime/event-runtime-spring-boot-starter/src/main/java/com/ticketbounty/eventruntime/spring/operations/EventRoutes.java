package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.codec.SensitiveFields;
import com.ticketbounty.eventruntime.codec.UuidV7;
import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.postgres.OutboxWriter;
import com.ticketbounty.eventruntime.postgres.PostgresOperatorActionStore;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /internal/runtime/events {name, data, v?}}: sends an event as the service would —
 * through its outbox, so it reaches every subscriber at least once — for manual tests and operators
 * (the original app's "send an event" of its Inngest guide).
 *
 * <p>Sensitive fields are sealed as a producer seals them: when the name and MAJOR version are a
 * contract the service knows ({@link KnownContracts}), the values at its {@code @Sensitive} paths
 * are sealed for the new event before the row is written. A sealed value ({@code {"$enc": …}})
 * anywhere in the data is refused: it was sealed for another event, so no consumer would open it
 * here — the caller sends the value in clear instead.
 */
final class EventRoutes {
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+/[a-z0-9][a-z0-9.-]*");

  private final DataSource dataSource;
  private final EventCodec codec;
  private final OutboxSignal outboxCommitted;
  private final KnownContracts contracts;
  private final PostgresOperatorActionStore audit;

  EventRoutes(
      DataSource dataSource,
      EventCodec codec,
      OutboxSignal outboxCommitted,
      KnownContracts contracts,
      PostgresOperatorActionStore audit) {
    this.dataSource = dataSource;
    this.codec = codec;
    this.outboxCommitted = outboxCommitted;
    this.contracts = contracts;
    this.audit = audit;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST(EventRuntimeOperationsAutoConfiguration.ROOT + "/events", this::send)
        .build();
  }

  private Mono<ServerResponse> send(ServerRequest request) {
    return request
        .bodyToMono(JsonNode.class)
        .flatMap(body -> send(body, request))
        .switchIfEmpty(
            Problems.respond(
                HttpStatus.BAD_REQUEST, "The body must be {name, data}.", request.path()))
        .onErrorResume(
            ServerWebInputException.class,
            e ->
                Problems.respond(
                    HttpStatus.BAD_REQUEST, "The body is not valid JSON.", request.path()));
  }

  private Mono<ServerResponse> send(JsonNode body, ServerRequest request) {
    String path = request.path();
    List<Map<String, String>> errors = new ArrayList<>();
    String name = body.path("name").isString() ? body.get("name").asString() : "";
    if (!NAME.matcher(name).matches()) {
      errors.add(field("name", "must be a wire name such as app/ticket.created"));
    }
    JsonNode data = body.path("data");
    if (!data.isObject()) {
      errors.add(field("data", "must be a JSON object"));
    }
    SensitiveFields.firstSealed(data)
        .ifPresent(
            where ->
                errors.add(
                    field(
                        "data." + where,
                        "is sealed for another event; send the value in clear, it is sealed"
                            + " for this one")));
    SchemaVersion version = new SchemaVersion(1, 0);
    if (body.has("v")) {
      try {
        version = SchemaVersion.parse(body.get("v").asString());
      } catch (IllegalArgumentException e) {
        errors.add(field("v", "must be MAJOR.MINOR"));
      }
    }
    if (!errors.isEmpty()) {
      Map<String, Object> problem =
          Problems.body(HttpStatus.UNPROCESSABLE_CONTENT, "The event is not valid.", path);
      problem.put("errors", errors);
      return ServerResponse.unprocessableContent()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .bodyValue(problem);
    }
    SchemaVersion sent = version;
    // Off the event loop: the first send scans the classpath for contracts.
    return Mono.fromCallable(() -> write(sealed(name, sent, (ObjectNode) data), request))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            event ->
                ServerResponse.status(HttpStatus.ACCEPTED)
                    .bodyValue(Map.of("id", event.id().toString(), "name", event.name())));
  }

  /** A new event of {@code data}, the sensitive fields of the contracts it is known by sealed. */
  private EventEnvelope sealed(String name, SchemaVersion version, ObjectNode data) {
    SealScope.Event scope = new SealScope.Event(UuidV7.next(Clock.systemUTC()), name);
    ObjectNode sealed = codec.sealedData(data, contracts.of(name, version.major()), scope);
    return new EventEnvelope(scope.id(), name, version, Instant.now(), sealed, null);
  }

  /** The outbox row and the audit entry in one transaction: both are there, or neither. */
  private EventEnvelope write(EventEnvelope event, ServerRequest request) throws Exception {
    OutboxMessage message =
        new OutboxMessage(
            event.id(),
            event.name(),
            event.id().toString(),
            codec.encode(event),
            TraceHeaders.capture());
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        new OutboxWriter().write(connection, message);
        audit.record(
            connection,
            OperatorAudit.what(
                request,
                OperatorAudit.EVENT_SENT,
                event.id().toString(),
                Map.of("name", event.name(), "v", event.version().toString())));
        connection.commit();
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
    outboxCommitted.committed();
    return event;
  }

  private static Map<String, String> field(String field, String message) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }
}
