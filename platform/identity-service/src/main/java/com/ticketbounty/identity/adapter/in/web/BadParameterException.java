package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.serviceweb.problem.FieldProblem;

/**
 * A query parameter that is missing or unreadable: a 400 naming it ({@link
 * IdentityProblemDetails}).
 */
final class BadParameterException extends RuntimeException {
  private final FieldProblem problem;

  BadParameterException(FieldProblem problem) {
    super(problem.field() + " " + problem.message());
    this.problem = problem;
  }

  FieldProblem problem() {
    return problem;
  }
}
