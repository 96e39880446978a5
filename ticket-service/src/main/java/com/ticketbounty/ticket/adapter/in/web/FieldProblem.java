package com.ticketbounty.ticket.adapter.in.web;

/**
 * One entry of a problem's {@code errors}: the field as the request names it, and what is wrong.
 */
record FieldProblem(String field, String message) {}
