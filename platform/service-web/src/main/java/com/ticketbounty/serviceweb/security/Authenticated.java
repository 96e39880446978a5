package com.ticketbounty.serviceweb.security;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whom a verified access token speaks for: a signed-in user ({@link Caller}) or another service
 * ({@link ServiceClient}, a client-credentials token issued by identity-service). {@link
 * BearerTokenFilter} leaves it on the exchange; handlers receive it as a {@link Caller}, {@link
 * AdminCaller} or {@link InternalCaller} argument, each of which says who may call.
 */
public sealed interface Authenticated permits Caller, ServiceClient {

  /** Where {@link BearerTokenFilter} leaves it among the exchange's attributes. */
  String ATTRIBUTE = Authenticated.class.getName();

  /** The role claim of service tokens. */
  String SERVICE = "SERVICE";

  /** What the verified token of this exchange proved, if it carried one. */
  static Optional<Authenticated> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  /** For audit entries and logs: who acted, without any secret. */
  String describe();
}
