package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.application.TicketNotFoundException;
import com.ticketbounty.ticket.domain.BrokenRulesException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error as RFC 9457 problem details. Spring's base class covers what the framework raises (an
 * unreadable body, a path id that is no UUID: 400; an unsupported method or media type); this class
 * adds the domain's: a broken rule is 422 listing each field, an unknown ticket 404.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> brokenRules(BrokenRulesException e, ServerWebExchange exchange) {
    List<FieldProblem> errors =
        e.violations().stream()
            .map(violation -> new FieldProblem(violation.field(), violation.message()))
            .toList();
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The request breaks " + errors.size() + (errors.size() == 1 ? " rule." : " rules."),
            exchange);
    problem.setProperty("errors", errors);
    return ResponseEntity.of(problem).build();
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

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(TicketNotFoundException e, ServerWebExchange exchange) {
    return ResponseEntity.of(
            problem(HttpStatus.NOT_FOUND, "There is no ticket " + e.ticketId() + ".", exchange))
        .build();
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
    return ResponseEntity.of(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.", exchange))
        .build();
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

  private static ProblemDetail problem(
      HttpStatus status, String detail, ServerWebExchange exchange) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
    return problem;
  }
}
