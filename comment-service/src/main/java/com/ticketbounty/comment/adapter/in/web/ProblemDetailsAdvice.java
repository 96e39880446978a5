package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.CommentNotFoundException;
import com.ticketbounty.comment.application.TicketNotFoundException;
import com.ticketbounty.comment.application.TicketsUnavailableException;
import com.ticketbounty.comment.domain.BrokenRulesException;
import com.ticketbounty.comment.domain.NotTheAuthorException;
import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.problem.ServiceProblemDetails;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * The comment API's own errors as problem details, beside service-web's (400 unreadable, 401, 500
 * without a stack trace): a broken rule is 422 naming each field, a bad query parameter 400 naming
 * it, someone else's comment 403, an unknown comment or ticket 404, and a ticket that cannot be
 * checked because ticket-service is down 503 — never a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemDetails {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> brokenRules(BrokenRulesException e, ServerWebExchange exchange) {
    return brokenRules(
        e.violations().stream()
            .map(violation -> new FieldProblem(violation.field(), violation.message()))
            .toList(),
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badQuery(BadQueryException e, ServerWebExchange exchange) {
    return answer(
        HttpStatus.BAD_REQUEST,
        "'" + e.parameter() + "' " + e.getMessage() + ".",
        List.of(new FieldProblem(e.parameter(), e.getMessage())),
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notTheAuthor(NotTheAuthorException e, ServerWebExchange exchange) {
    return answer(
        HttpStatus.FORBIDDEN, "Only the author of a comment may change or delete it.", exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> commentNotFound(
      CommentNotFoundException e, ServerWebExchange exchange) {
    return answer(HttpStatus.NOT_FOUND, "There is no comment " + e.commentId() + ".", exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> ticketNotFound(
      TicketNotFoundException e, ServerWebExchange exchange) {
    return answer(HttpStatus.NOT_FOUND, "There is no ticket " + e.ticketId() + ".", exchange);
  }

  /** Not the caller's fault and not ours alone: worth trying again shortly. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> ticketsUnavailable(
      TicketsUnavailableException e, ServerWebExchange exchange) {
    log.warn("Cannot check a ticket: {}", e.getCause() == null ? e : e.getCause().toString());
    return answer(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Tickets cannot be checked right now; try again shortly.",
        exchange);
  }
}
