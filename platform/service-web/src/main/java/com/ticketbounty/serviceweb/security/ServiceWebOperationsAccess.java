package com.ticketbounty.serviceweb.security;

import com.ticketbounty.eventruntime.spi.OperatorActionStore.Actor;
import com.ticketbounty.eventruntime.spring.operations.OperationsAccess;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * event-runtime's operations API admits what {@link BearerTokenFilter} verified with the same
 * verifier and ended sessions as every other endpoint: an ADMIN whose session has not ended. No
 * token is 401; a user's or a service's is 403 (operating the runtime is an operator's act). The
 * admitted actor — the token's {@code sub} and {@code username} — is what the audit records.
 */
final class ServiceWebOperationsAccess implements OperationsAccess {

  @Override
  public Mono<Decision> decide(ServerRequest request) {
    Optional<Authenticated> who = Authenticated.of(request.exchange());
    if (who.isEmpty()) {
      return Mono.just(
          Decision.refuse(HttpStatus.UNAUTHORIZED, "An administrator's access token is required."));
    }
    return Mono.just(
        who.get() instanceof Caller caller && caller.isAdmin()
            ? Decision.admit(new Actor(caller.userId().toString(), caller.username()))
            : Decision.refuse(
                HttpStatus.FORBIDDEN, "Only an administrator may operate the runtime."));
  }
}
