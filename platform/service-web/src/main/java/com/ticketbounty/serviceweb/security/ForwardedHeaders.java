package com.ticketbounty.serviceweb.security;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A service believes {@code X-Forwarded-For} (whom rate limits and the audit log count) only from
 * the gateway, and the gateway proves itself by its service token in {@value #GATEWAY_TOKEN} — not
 * by its address, since every process of a machine shares 127.0.0.1. A request without that proof
 * loses every forwarded header before anything reads it, so its client address is the TCP peer's;
 * the proof itself is removed either way, so no handler can pass it on.
 */
public final class ForwardedHeaders implements WebFilter, Ordered {
  /** Where the gateway puts its own service token on the requests it forwards. */
  public static final String GATEWAY_TOKEN = "X-Gateway-Token";

  /** Before anything reads a client address, after Spring's own earliest filters. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  private static final List<String> FORWARDED =
      List.of(
          "X-Forwarded-For",
          "X-Forwarded-Host",
          "X-Forwarded-Port",
          "X-Forwarded-Proto",
          "X-Forwarded-Prefix",
          "X-Real-IP",
          "Forwarded");

  private final AccessTokenVerifier verifier;
  private final String gatewayClientId;

  public ForwardedHeaders(AccessTokenVerifier verifier, String gatewayClientId) {
    this.verifier = verifier;
    this.gatewayClientId = gatewayClientId;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String proof = exchange.getRequest().getHeaders().getFirst(GATEWAY_TOKEN);
    if (proof == null) {
      return chain.filter(without(exchange, true));
    }
    // Blocking: the first verification may fetch the JWKS.
    return Mono.fromCallable(() -> fromGateway(proof))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(trusted -> chain.filter(without(exchange, !trusted)));
  }

  private boolean fromGateway(String proof) {
    String token = proof.regionMatches(true, 0, "Bearer ", 0, 7) ? proof.substring(7) : proof;
    return verifier.verify(token.trim()) instanceof AccessTokenVerifier.Verdict.Valid valid
        && valid.who() instanceof ServiceClient client
        && client.clientId().equals(gatewayClientId);
  }

  private static ServerWebExchange without(ServerWebExchange exchange, boolean forwarded) {
    ServerHttpRequest request =
        exchange
            .getRequest()
            .mutate()
            .headers(
                headers -> {
                  headers.remove(GATEWAY_TOKEN);
                  if (forwarded) {
                    FORWARDED.forEach(headers::remove);
                  }
                })
            .build();
    return exchange.mutate().request(request).build();
  }
}
