package com.ticketbounty.notification.adapter.in.web;

import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.problem.ServiceProblemDetails;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * The service's errors as problem details, beside service-web's (401, 403, 500 without a stack
 * trace): a bad query parameter is 400 naming it.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemDetails {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badQuery(BadQueryException e, ServerWebExchange exchange) {
    return answer(
        HttpStatus.BAD_REQUEST,
        "'" + e.parameter() + "' " + e.getMessage() + ".",
        List.of(new FieldProblem(e.parameter(), e.getMessage())),
        exchange);
  }
}
