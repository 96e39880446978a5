package com.ticketbounty.serviceweb.problem;

import com.ticketbounty.serviceweb.ratelimit.AttemptLimitUnavailableException;
import com.ticketbounty.serviceweb.ratelimit.TooManyAttemptsException;
import io.r2dbc.spi.R2dbcException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error as RFC 9457 problem details. Spring's base class covers what the framework raises (an
 * unreadable body, a path id that is no UUID: 400; an unsupported method or media type; a {@link
 * org.springframework.web.ErrorResponseException} such as the 401 of a missing caller); this class
 * says which field was unreadable, gives every problem a detail, and turns anything unexpected into
 * a 500 whose cause goes to the log, never into the body. Attempt limits answer the same in every
 * service: 429 with {@code Retry-After}, or 503 when they cannot be counted. A service extends it
 * with a {@code @RestControllerAdvice} that adds its domain's errors.
 */
public abstract class ServiceProblemDetails extends ResponseEntityExceptionHandler {
  private static final String UNSTORABLE_CHARACTER = "22021";
  private static final Logger log = LoggerFactory.getLogger(ServiceProblemDetails.class);

  /** 422 listing every broken rule, each naming its field. */
  protected static ResponseEntity<ProblemDetail> brokenRules(
      List<FieldProblem> errors, ServerWebExchange exchange) {
    return answer(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "The request breaks " + errors.size() + (errors.size() == 1 ? " rule." : " rules."),
        errors,
        exchange);
  }

  protected static ResponseEntity<ProblemDetail> answer(
      HttpStatus status, String detail, ServerWebExchange exchange) {
    return ResponseEntity.of(problem(status, detail, exchange)).build();
  }

  /** A problem whose {@code errors} name the fields at fault. */
  protected static ResponseEntity<ProblemDetail> answer(
      HttpStatus status, String detail, List<FieldProblem> errors, ServerWebExchange exchange) {
    ProblemDetail problem = problem(status, detail, exchange);
    problem.setProperty("errors", errors);
    return ResponseEntity.of(problem).build();
  }

  protected static ProblemDetail problem(
      HttpStatus status, String detail, ServerWebExchange exchange) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
    return problem;
  }

  /** Keeps Spring's 400 but says which field is unreadable, in the caller's terms. */
  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException e,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    ProblemDetail problem = e.getBody();
    problem.setDetail(UnreadableInput.detail(e));
    UnreadableInput.field(e).ifPresent(field -> problem.setProperty("errors", List.of(field)));
    return super.handleServerWebInputException(e, headers, status, exchange);
  }

  /** 429: a key used up its attempts; {@code Retry-After} in whole seconds. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooManyAttempts(
      TooManyAttemptsException e, ServerWebExchange exchange) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.detail(), exchange));
  }

  /** 503: the attempt could not be counted, so it is not let through. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> attemptsUncounted(
      AttemptLimitUnavailableException e, ServerWebExchange exchange) {
    log.warn("{}: {}", e.getMessage(), String.valueOf(e.getCause()));
    return answer(HttpStatus.SERVICE_UNAVAILABLE, e.detail(), exchange);
  }

  /**
   * PostgreSQL stores no NUL character (SQLSTATE 22021): text carrying one is the caller's bad
   * input wherever it came from — a JSON string, a query parameter — never a 500.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unstorable(DataAccessException e, ServerWebExchange exchange) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof R2dbcException database
          && UNSTORABLE_CHARACTER.equals(database.getSqlState())) {
        return answer(
            HttpStatus.BAD_REQUEST,
            "The request contains a NUL character, which no field accepts.",
            exchange);
      }
    }
    return unexpected(e, exchange);
  }

  /**
   * Anything else is our failure, not the caller's: 500 with a generic detail. The cause goes to
   * the log, never into the body.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
    log.error(
        "request failed: {} {}",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        e);
    return answer(
        HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.", exchange);
  }

  /** Every problem says something in {@code detail}, also those Spring leaves without one. */
  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (body instanceof ProblemDetail problem && problem.getDetail() == null) {
      problem.setDetail(
          status.value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()
              ? "Send the body as application/json."
              : "The request failed: " + problem.getTitle() + ".");
    }
    return super.createResponseEntity(body, headers, status, exchange);
  }
}
