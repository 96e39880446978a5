package com.ticketbounty.serviceweb.problem;

/**
 * One entry of a problem's {@code errors}: the field as the request names it, and what is wrong.
 */
public record FieldProblem(String field, String message) {}
