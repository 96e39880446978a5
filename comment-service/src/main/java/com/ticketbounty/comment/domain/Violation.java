package com.ticketbounty.comment.domain;

/**
 * One broken rule: the field it concerns (as the caller named it) and what is wrong with it.
 *
 * @param field the field, for example {@code content}
 * @param message what the value must be, for example {@code must be at most 1024 characters}
 */
public record Violation(String field, String message) {}
