package com.ticketbounty.gateway.ops;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one service's operations API with the caller's {@code Authorization} header (the service
 * checks ADMIN again and records the actor from it) and nothing else the caller sent. Every call is
 * bounded by the timeout; whatever goes wrong becomes {@link Reply.Unavailable}, never an error.
 */
final class Downstream {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebClient client;
  private final Duration timeout;

  Downstream(WebClient.Builder builder, Duration timeout) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
            .responseTimeout(timeout);
    this.client = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
    this.timeout = timeout;
  }

  Mono<Reply> call(
      String service,
      HttpMethod method,
      URI uri,
      @Nullable String authorization,
      @Nullable JsonNode body) {
    WebClient.RequestBodySpec request =
        client
            .method(method)
            .uri(uri)
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .headers(
                headers -> {
                  if (authorization != null) {
                    headers.set(HttpHeaders.AUTHORIZATION, authorization);
                  }
                });
    WebClient.RequestHeadersSpec<?> sent =
        body == null
            ? request
            : request
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsBytes(body));
    return sent.exchangeToMono(
            response ->
                response
                    .bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .map(bytes -> reply(service, response.statusCode().value(), bytes)))
        .timeout(timeout)
        .onErrorResume(e -> Mono.just(new Reply.Unavailable(service, reason(e))));
  }

  private static Reply reply(String service, int status, byte[] bytes) {
    if (status >= 500) {
      return new Reply.Unavailable(service, "answered " + status);
    }
    if (bytes.length == 0) {
      return new Reply.Answered(service, status, JSON.createObjectNode());
    }
    try {
      return new Reply.Answered(
          service, status, JSON.readTree(new String(bytes, StandardCharsets.UTF_8)));
    } catch (JacksonException e) {
      return new Reply.Unavailable(service, "answered " + status + " without JSON");
    }
  }

  private String reason(Throwable e) {
    if (e instanceof TimeoutException
        || e.getCause() instanceof TimeoutException
        || e.getClass().getSimpleName().contains("Timeout")) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    return "not reachable (" + e.getClass().getSimpleName() + ")";
  }
}
