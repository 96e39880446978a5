package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.AccessTokens.AccessToken;
import com.ticketbounty.identity.application.IssueServiceToken;
import com.ticketbounty.identity.application.NotAuthenticatedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /oauth2/token}: the OAuth2 token endpoint for the client-credentials grant (RFC 6749
 * §4.4), where services get their service tokens. The client authenticates with HTTP Basic ({@code
 * client_secret_basic}, the form-encoded id and secret) or with {@code client_id} and {@code
 * client_secret} in the body, never both. Answers are never cached. Errors carry RFC 6749's {@code
 * error} and {@code error_description}, which OAuth2 clients read, beside RFC 9457's fields. The
 * gateway never routes this path: only services on the internal network reach it.
 */
@RestController
class TokenController {
  private final IssueServiceToken issueServiceToken;

  TokenController(IssueServiceToken issueServiceToken) {
    this.issueServiceToken = issueServiceToken;
  }

  @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  Mono<ResponseEntity<Map<String, Object>>> token(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
          @Nullable String authorization,
      ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(form -> token(authorization, form));
  }

  private Mono<ResponseEntity<Map<String, Object>>> token(
      @Nullable String authorization, MultiValueMap<String, String> form) {
    if (!"client_credentials".equals(single(form, "grant_type"))) {
      return Mono.just(
          error(
              HttpStatus.BAD_REQUEST,
              "unsupported_grant_type",
              "Only grant_type=client_credentials is served here."));
    }
    Optional<List<String>> credentials = credentials(authorization, form);
    if (credentials.isEmpty()) {
      return Mono.just(
          error(
              HttpStatus.BAD_REQUEST,
              "invalid_request",
              "Authenticate the client once: HTTP Basic, or client_id and client_secret."));
    }
    return issueServiceToken
        .issue(credentials.get().get(0), credentials.get().get(1))
        .map(TokenController::issued)
        .onErrorResume(
            NotAuthenticatedException.class,
            e -> Mono.just(error(HttpStatus.UNAUTHORIZED, "invalid_client", e.getMessage())));
  }

  /** [id, secret] from exactly one of the two ways a client may send them. */
  private static Optional<List<String>> credentials(
      @Nullable String authorization, MultiValueMap<String, String> form) {
    String id = single(form, "client_id");
    String secret = single(form, "client_secret");
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    if (basic && id == null && secret == null) {
      return basic(authorization.substring(6).trim());
    }
    if (!basic && authorization == null && id != null && secret != null) {
      return Optional.of(List.of(id, secret));
    }
    return Optional.empty();
  }

  private static Optional<List<String>> basic(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon < 1) {
        return Optional.empty();
      }
      // RFC 6749 §2.3.1: both are form-encoded before they are joined.
      return Optional.of(
          List.of(
              URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static @Nullable String single(MultiValueMap<String, String> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  private static ResponseEntity<Map<String, Object>> issued(AccessToken token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.expiresInSeconds());
    return noStore(ResponseEntity.ok()).body(body);
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", description);
    ResponseEntity.BodyBuilder answer = noStore(ResponseEntity.status(status));
    if (status == HttpStatus.UNAUTHORIZED) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ticketbounty-identity\"");
    }
    return answer.body(body);
  }

  private static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder answer) {
    return answer
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache");
  }
}
