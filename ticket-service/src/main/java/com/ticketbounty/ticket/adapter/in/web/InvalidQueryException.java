package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.problem.FieldProblem;
import java.util.List;

/** Query parameters that cannot be read (400), each named with what it must be. */
final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldProblem> problems;

  InvalidQueryException(List<FieldProblem> problems) {
    super("invalid query parameters: " + problems);
    this.problems = List.copyOf(problems);
  }

  List<FieldProblem> problems() {
    return problems;
  }
}
