package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.spi.OperatorActionStore.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Decides who may use the operations API. Every operations route asks it before its handler runs:
 * the check is a filter on the routes themselves, so a request reaches a handler only through it,
 * however its path was spelled. A service provides one bean (service-web's admits a verified ADMIN
 * whose session has not ended); a service that provides none gets {@link #CLOSED}, which refuses
 * everyone.
 */
@FunctionalInterface
public interface OperationsAccess {

  /** Refuses every request: the operations API of a service that says nothing about access. */
  OperationsAccess CLOSED =
      request ->
          Mono.just(
              Decision.refuse(
                  HttpStatus.FORBIDDEN,
                  "The operations API is closed: this service configures no OperationsAccess."));

  /** Called for every request to an operations route, before its handler. */
  Mono<Decision> decide(ServerRequest request);

  /** Whether the request may go on, and if not, the problem it is answered with. */
  sealed interface Decision {
    /**
     * @param actor who the request speaks for: the audit of operator actions records it
     */
    static Decision admit(Actor actor) {
      return new Admitted(actor);
    }

    static Decision refuse(HttpStatus status, String detail) {
      return new Refused(status, detail);
    }

    /** The handler runs, on behalf of {@code actor}. */
    record Admitted(Actor actor) implements Decision {}

    /**
     * @param status 401 (no or a bad credential), 403 (a credential without the right), or 503
     * @param detail the problem's detail, for the caller
     */
    record Refused(HttpStatus status, String detail) implements Decision {}
  }
}
