package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.AccountChangedMeanwhileException;
import com.ticketbounty.identity.application.AccountTakenException;
import com.ticketbounty.identity.application.NotAuthenticatedException;
import com.ticketbounty.identity.domain.BrokenRulesException;
import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.problem.ServiceProblemDetails;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * service-web's problem details plus identity's errors: a broken rule is 422 naming each field, a
 * taken e-mail or username 409 naming it, failed authentication 401 with one message per cause. Too
 * many attempts (429 with {@code Retry-After}) is service-web's, as in every service. A missing or
 * unreadable query parameter is 400 naming it.
 */
@RestControllerAdvice
class IdentityProblemDetails extends ServiceProblemDetails {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> brokenRules(BrokenRulesException e, ServerWebExchange exchange) {
    return brokenRules(
        e.violations().stream()
            .map(violation -> new FieldProblem(violation.field(), violation.message()))
            .toList(),
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> taken(AccountTakenException e, ServerWebExchange exchange) {
    List<FieldProblem> errors =
        e.fields().stream().map(field -> new FieldProblem(field, "is taken")).toList();
    return answer(
        HttpStatus.CONFLICT,
        "Another account has this " + String.join(" and ", e.fields()) + ".",
        errors,
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> changedMeanwhile(
      AccountChangedMeanwhileException e, ServerWebExchange exchange) {
    return answer(
        HttpStatus.CONFLICT, "The account was changed meanwhile; read it and retry.", exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badParameter(BadParameterException e, ServerWebExchange exchange) {
    FieldProblem problem = e.problem();
    return answer(
        HttpStatus.BAD_REQUEST,
        "'%s' %s.".formatted(problem.field(), problem.message()),
        List.of(problem),
        exchange);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notAuthenticated(
      NotAuthenticatedException e, ServerWebExchange exchange) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(problem(HttpStatus.UNAUTHORIZED, e.getMessage(), exchange));
  }
}
