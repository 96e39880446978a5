package com.ticketbounty.serviceweb.app;

import com.ticketbounty.serviceweb.idempotency.IdempotentRequests;
import com.ticketbounty.serviceweb.ratelimit.AttemptKey;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimited;
import com.ticketbounty.serviceweb.security.Caller;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ThingController {
  private final DatabaseClient database;
  private final TransactionalOperator transactions;
  private final IdempotentRequests idempotentRequests;
  private final AttemptLimit wishes;

  ThingController(
      DatabaseClient database,
      TransactionalOperator transactions,
      IdempotentRequests idempotentRequests,
      AttemptLimit wishes) {
    this.database = database;
    this.transactions = transactions;
    this.idempotentRequests = idempotentRequests;
    this.wishes = wishes;
  }

  record NewThing(String name) {}

  @GetMapping("/public")
  Map<String, String> anyone(Optional<Caller> caller) {
    return Map.of("caller", caller.map(c -> c.userId().toString()).orElse("anonymous"));
  }

  /** Stands for identity's sign-in: one of the paths where a client presents no access token. */
  @PostMapping("/api/auth/sign-in")
  Map<String, String> signIn(Optional<Caller> caller) {
    return anyone(caller);
  }

  /** Two wishes a minute per wisher, as a limited endpoint of a real service would count them. */
  @PostMapping("/wishes")
  @AttemptLimited
  Mono<Map<String, String>> wish(@RequestParam String wisher) {
    return wishes.take(AttemptKey.account(wisher)).thenReturn(Map.of("granted", wisher));
  }

  @GetMapping("/private")
  Caller signedIn(Caller caller) {
    return caller;
  }

  @PostMapping("/things")
  Mono<ResponseEntity<Object>> create(
      Caller caller,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
      @RequestBody NewThing thing) {
    return idempotentRequests.once(
        caller.userId(), "create-thing", key, thing, () -> insert(caller, thing));
  }

  /** Its own transaction, as a use case's would be; it joins the idempotency guard's. */
  private Mono<ResponseEntity<Map<String, String>>> insert(Caller caller, NewThing thing) {
    UUID id = UUID.randomUUID();
    return transactions.transactional(
        database
            .sql("INSERT INTO things (id, owner_id, name) VALUES (:id, :owner, :name)")
            .bind("id", id)
            .bind("owner", caller.userId())
            .bind("name", thing.name())
            .then()
            .thenReturn(
                ResponseEntity.created(URI.create("/things/" + id))
                    .body(Map.of("id", id.toString(), "name", thing.name()))));
  }
}
