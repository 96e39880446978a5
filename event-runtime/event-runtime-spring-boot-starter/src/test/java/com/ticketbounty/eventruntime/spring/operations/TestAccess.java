package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.spi.OperatorActionStore.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * A service's {@link OperationsAccess} as the starter's tests need it: {@link #ADMIN} is admitted,
 * {@link #USER} is forbidden, anything else is unauthenticated. Real services verify tokens
 * (service-web); here only the guard's use of the decision is under test.
 */
final class TestAccess implements OperationsAccess {
  static final String ADMIN = "Bearer test-admin";
  static final String USER = "Bearer test-user";
  static final String ADMIN_ID = "00000000-0000-4000-8000-00000000ad01";

  @Override
  public Mono<Decision> decide(ServerRequest request) {
    String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    if (ADMIN.equals(authorization)) {
      return Mono.just(Decision.admit(new Actor(ADMIN_ID, "test-admin")));
    }
    if (USER.equals(authorization)) {
      return Mono.just(Decision.refuse(HttpStatus.FORBIDDEN, "Only ADMIN may operate."));
    }
    return Mono.just(Decision.refuse(HttpStatus.UNAUTHORIZED, "An ADMIN token is required."));
  }
}
