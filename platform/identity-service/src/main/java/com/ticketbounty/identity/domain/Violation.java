package com.ticketbounty.identity.domain;

/**
 * One broken rule: the field it concerns (as the caller named it) and what is wrong with it.
 *
 * @param field the field, for example {@code bounty}
 * @param message what the value must be, for example {@code must be at least 500 cents}
 */
public record Violation(String field, String message) {}
