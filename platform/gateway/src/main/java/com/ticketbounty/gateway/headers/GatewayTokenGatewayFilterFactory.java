package com.ticketbounty.gateway.headers;

import com.ticketbounty.serviceweb.client.ServiceTokens;
import com.ticketbounty.serviceweb.security.ForwardedHeaders;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GatewayToken}, a route filter: puts the gateway's own service token in {@value
 * ForwardedHeaders#GATEWAY_TOKEN} on the requests of the route, so that the service believes the
 * {@code X-Forwarded-For} the gateway set (identity-service counts attempts per client address).
 * Only the routes that need it carry it: a service that received the gateway's token could pass
 * itself off as the gateway. When no token can be had in time the request goes on without one, and
 * the service counts it against the gateway's own address — stricter, never looser.
 */
@Component
class GatewayTokenGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayTokenGatewayFilterFactory.class);
  private static final Duration WAIT = Duration.ofSeconds(2);

  private final ServiceTokens tokens;

  GatewayTokenGatewayFilterFactory(ServiceTokens tokens) {
    super(Object.class);
    this.tokens = tokens;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> token().flatMap(token -> chain.filter(withToken(exchange, token)));
  }

  private Mono<Optional<String>> token() {
    return tokens
        .token()
        .timeout(WAIT)
        .map(Optional::of)
        .onErrorResume(
            e -> {
              LOG.warn(
                  "No service token from identity-service; forwarding without: {}", e.toString());
              return Mono.just(Optional.empty());
            });
  }

  private static ServerWebExchange withToken(ServerWebExchange exchange, Optional<String> token) {
    if (token.isEmpty()) {
      return exchange;
    }
    return exchange
        .mutate()
        .request(
            request ->
                request.headers(
                    headers ->
                        headers.set(ForwardedHeaders.GATEWAY_TOKEN, "Bearer " + token.get())))
        .build();
  }
}
