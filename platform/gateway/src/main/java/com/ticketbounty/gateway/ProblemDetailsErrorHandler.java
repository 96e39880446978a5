package com.ticketbounty.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every error the gateway answers itself — no route, {@code /internal}, a downstream that
 * cannot be reached (503) or that drops the connection mid-answer (502) — into RFC 9457 problem
 * details. Runs before Boot's own handler (order -1), whose JSON is not problem details. Answers
 * from a downstream are never touched: they are relayed as they came.
 */
@Component
@Order(-2)
class ProblemDetailsErrorHandler implements WebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

  private final ServerResponse.Context context;

  ProblemDetailsErrorHandler(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    ProblemDetail problem = problemFor(error);
    problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
    HttpHeaders headers = new HttpHeaders();
    if (error instanceof ErrorResponse response) {
      headers.addAll(response.getHeaders()); // such as Allow on a 405
    }
    return ServerResponse.status(problem.getStatus())
        .headers(target -> target.addAll(headers))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem)
        .flatMap(response -> response.writeTo(exchange, context));
  }

  private static ProblemDetail problemFor(Throwable error) {
    if (error instanceof ErrorResponse response) {
      return ProblemDetail.forStatusAndDetail(
          response.getStatusCode(), detailFor(response.getStatusCode()));
    }
    if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
      log.warn("downstream unreachable: {}", error.toString());
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The service behind this path cannot be reached; try again later.");
    }
    if (causedBy(error, PrematureCloseException.class)) {
      log.warn("downstream closed the connection: {}", error.toString());
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.BAD_GATEWAY, "The service behind this path gave no complete answer.");
    }
    log.error("gateway failure", error);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to handle the request.");
  }

  private static String detailFor(HttpStatusCode status) {
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      return "Nothing is served at this path.";
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "The request failed." : known.getReasonPhrase() + ".";
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
