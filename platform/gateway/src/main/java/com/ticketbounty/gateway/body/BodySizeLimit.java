package com.ticketbounty.gateway.body;

import com.ticketbounty.gateway.EdgeFilterOrder;
import com.ticketbounty.serviceweb.problem.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API.md's body limit ({@code gateway.max-body-size}, 64 KiB): a larger request is 413 and never
 * reaches a service, not even in part.
 *
 * <p>A declared {@code Content-Length} over the limit is refused before the body is read (the HTTP
 * codec holds the client to its length). A body without one (chunked) is read into the gateway up
 * to the limit before the request is routed, and refused as soon as it grows past it; one within
 * the limit is then sent on with its length. Holding at most 64 KiB per such request is the price
 * of never routing half a body.
 */
@Component
class BodySizeLimit implements WebFilter, Ordered {
  private final long limit;

  BodySizeLimit(@Value("${gateway.max-body-size:64KB}") DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.BODY_SIZE_LIMIT;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long declared = headers.getContentLength();
    if (declared > limit) {
      return tooLarge(exchange);
    }
    if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    return DataBufferUtils.join(exchange.getRequest().getBody(), (int) limit)
        .map(BodySizeLimit::copyAndRelease)
        .defaultIfEmpty(new byte[0])
        .flatMap(
            body -> chain.filter(exchange.mutate().request(withLength(exchange, body)).build()))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange) {
    return ProblemResponses.write(
        exchange,
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is larger than " + limit + " bytes.");
  }

  /** On the heap, so that a request refused later (401, 404) leaks no pooled buffer. */
  private static byte[] copyAndRelease(DataBuffer joined) {
    try {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(joined);
    }
  }

  private static ServerHttpRequest withLength(ServerWebExchange exchange, byte[] body) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders headers = HttpHeaders.copyOf(request.getHeaders());
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.setContentLength(body.length);
    return new ServerHttpRequestDecorator(request) {
      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }

      @Override
      public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
      }
    };
  }
}
