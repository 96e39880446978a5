package com.ticketbounty.serviceweb.security;

import com.ticketbounty.serviceweb.problem.ProblemResponses;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Verifies the access token of every request that carries one, before any handler runs: a malformed
 * header, a bad or expired token, or a token of an ended session is 401 whatever the endpoint (a
 * client must not believe it is signed in when it is not). What a valid token proves ({@link
 * Authenticated}: a user or a service) is left on the exchange; a request without a token passes
 * with nothing. Who may call an endpoint is the endpoint's to say — by the argument it declares
 * ({@link Caller}, {@link AdminCaller}, {@link InternalCaller}) or, for the operations API, by the
 * filter on its routes — so nothing here depends on how a path is spelled: a request this filter
 * lets through unverified simply carries no one, and every guarded endpoint refuses it. The
 * actuator's health answers are public and never read the header.
 *
 * <p>The exception is where a client proves who it is by other means — a password, a refresh or
 * reset token — or needs nobody ({@link #CREDENTIAL_PATHS}): there the header is not read. A
 * frontend that sends its last access token with every request sends an expired one exactly when it
 * refreshes, and must not be refused there; no caller is handed on from these paths either.
 */
public final class BearerTokenFilter implements WebFilter, Ordered {
  /** Early, but after Spring's own filters that must see every request (CORS, for one). */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private static final String PREFIX = "Bearer ";
  private static final String ACTUATOR = "/actuator/";

  /** API.md's calls that take no access token, and identity's token endpoint (HTTP Basic). */
  private static final Set<String> CREDENTIAL_PATHS =
      Set.of(
          "/api/auth/sign-up",
          "/api/auth/sign-in",
          "/api/auth/refresh",
          "/api/auth/password/forgot",
          "/api/auth/password/reset",
          "/.well-known/jwks.json",
          "/oauth2/token");

  private final AccessTokenVerifier verifier;
  private final EndedSessions endedSessions;

  public BearerTokenFilter(AccessTokenVerifier verifier, EndedSessions endedSessions) {
    this.verifier = verifier;
    this.endedSessions = endedSessions;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    List<String> headers = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
    if (headers.isEmpty() || path.startsWith(ACTUATOR) || CREDENTIAL_PATHS.contains(path)) {
      return chain.filter(exchange);
    }
    String header = headers.get(0);
    if (headers.size() > 1
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || header.length() == PREFIX.length()) {
      return unauthorized(exchange, "The Authorization header must be 'Bearer <access token>'.");
    }
    String token = header.substring(PREFIX.length()).trim();
    // Blocking: the JWKS may have to be fetched, and the ended sessions are in the database.
    return Mono.fromCallable(() -> judge(token))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(judgement -> answer(judgement, exchange, chain));
  }

  private static Mono<Void> answer(
      Judgement judgement, ServerWebExchange exchange, WebFilterChain chain) {
    if (judgement instanceof Judgement.Accepted accepted) {
      exchange.getAttributes().put(Authenticated.ATTRIBUTE, accepted.who());
      return chain.filter(exchange);
    }
    if (judgement instanceof Judgement.Refused refused) {
      return unauthorized(exchange, refused.detail());
    }
    return ProblemResponses.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "Access tokens cannot be verified right now; try again shortly.");
  }

  private Judgement judge(String token) {
    AccessTokenVerifier.Verdict verdict = verifier.verify(token);
    if (verdict instanceof AccessTokenVerifier.Verdict.Valid valid) {
      return valid.who() instanceof Caller caller && endedSessions.hasEnded(caller.sessionId())
          ? new Judgement.Refused("The session has ended; sign in again.")
          : new Judgement.Accepted(valid.who());
    }
    if (verdict instanceof AccessTokenVerifier.Verdict.Invalid) {
      return new Judgement.Refused("The access token is invalid or has expired.");
    }
    return new Judgement.Unavailable();
  }

  private static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, detail);
  }

  private sealed interface Judgement {
    record Accepted(Authenticated who) implements Judgement {}

    record Refused(String detail) implements Judgement {}

    record Unavailable() implements Judgement {}
  }
}
