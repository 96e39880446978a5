package com.ticketbounty.gateway.openapi;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a service's springdoc document ({@code <service>/v3/api-docs}) within a short timeout. A
 * service that is down, slow, or answers with anything but an OpenAPI document yields an empty
 * result, never an error: the merged document is served without it.
 */
final class ServiceApiDocs {
  private static final Logger log = LoggerFactory.getLogger(ServiceApiDocs.class);
  private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

  private final WebClient client;
  private final JsonMapper mapper;
  private final Duration timeout;

  ServiceApiDocs(JsonMapper mapper, Duration timeout) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
            .responseTimeout(timeout);
    this.client =
        WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_DOCUMENT_BYTES))
            .build();
    this.mapper = mapper;
    this.timeout = timeout;
  }

  Mono<ServiceDocument> fetch(String route, URI service) {
    URI uri = service.resolve("/v3/api-docs");
    return client
        .get()
        .uri(uri)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(String.class)
        .timeout(timeout)
        .map(mapper::readTree)
        .filter(document -> document.isObject() && document.has("openapi"))
        .map(document -> new ServiceDocument(route, Optional.of(document)))
        .switchIfEmpty(Mono.fromSupplier(() -> unavailable(route, uri, "no OpenAPI document")))
        .onErrorResume(e -> Mono.just(unavailable(route, uri, e.toString())));
  }

  private static ServiceDocument unavailable(String route, URI uri, String why) {
    log.warn("API document of {} at {} left out: {}", route, uri, why);
    return new ServiceDocument(route, Optional.empty());
  }
}
