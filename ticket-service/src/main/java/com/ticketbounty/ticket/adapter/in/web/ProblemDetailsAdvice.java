package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.problem.ServiceProblemDetails;
import com.ticketbounty.ticket.application.TicketNotFoundException;
import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.NotTicketOwnerException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * service-web's problem details (400 unreadable, 401, 500 without a cause in the body) plus this
 * service's: a broken rule is 422 listing each field, a bad query parameter 400 naming it, someone
 * else's ticket 403, an unknown ticket 404.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemDetails {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> brokenRules(BrokenRulesException e, ServerWebExchange exchange) {
    return brokenRules(
        e.violations().stream()
            .map(violation -> new FieldProblem(violation.field(), violation.message()))
            .toList(),
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e, ServerWebExchange exchange) {
    List<FieldProblem> problems = e.problems();
    FieldProblem first = problems.get(0);
    return answer(
        HttpStatus.BAD_REQUEST,
        "'" + first.field() + "' " + first.message() + (problems.size() > 1 ? " (and more)." : "."),
        problems,
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notOwner(NotTicketOwnerException e, ServerWebExchange exchange) {
    return answer(
        HttpStatus.FORBIDDEN, "Only the ticket's owner may change or delete it.", exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(TicketNotFoundException e, ServerWebExchange exchange) {
    return answer(HttpStatus.NOT_FOUND, "There is no ticket " + e.ticketId() + ".", exchange);
  }
}
