package com.ticketbounty.serviceweb.client;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * This service's service token (OAuth2 client credentials at identity-service), from Spring
 * Security's client: fetched on first use, kept, and fetched anew a minute before it expires. Every
 * call to another service's {@code /internal/**} endpoint carries it, through {@link #bearer()} on
 * a WebClient; a call answered 401 forgets the token, so the next call asks for a fresh one.
 */
public final class ServiceTokens {
  static final String REGISTRATION = "identity";

  private final ReactiveOAuth2AuthorizedClientManager manager;
  private final ReactiveOAuth2AuthorizedClientService store;
  private final String clientId;

  ServiceTokens(
      ReactiveOAuth2AuthorizedClientManager manager,
      ReactiveOAuth2AuthorizedClientService store,
      String clientId) {
    this.manager = manager;
    this.store = store;
    this.clientId = clientId;
  }

  /** The client id identity-service knows this service by. */
  public String clientId() {
    return clientId;
  }

  /** A current token; errors when identity-service cannot issue one. */
  public Mono<String> token() {
    return manager
        .authorize(
            OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(clientId)
                .build())
        .map(OAuth2AuthorizedClient::getAccessToken)
        .map(token -> token.getTokenValue());
  }

  /** Drops the kept token (one a service refused), so that the next {@link #token()} asks anew. */
  public Mono<Void> forget() {
    return store.removeAuthorizedClient(REGISTRATION, clientId);
  }

  /** Puts {@code Authorization: Bearer <service token>} on every request of a WebClient. */
  public ExchangeFilterFunction bearer() {
    return (request, next) ->
        token()
            .flatMap(
                token ->
                    next.exchange(
                        ClientRequest.from(request)
                            .headers(headers -> headers.setBearerAuth(token))
                            .build()))
            .flatMap(
                response ->
                    response.statusCode() == HttpStatus.UNAUTHORIZED
                        ? store.removeAuthorizedClient(REGISTRATION, clientId).thenReturn(response)
                        : Mono.just(response));
  }
}
