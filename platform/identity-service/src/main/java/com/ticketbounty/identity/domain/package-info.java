/**
 * The identity model: plain Java, no framework. Accounts, sessions and the one-time secrets that
 * prove who someone is; every rule lives here and is reported as a {@link
 * com.ticketbounty.identity.domain.BrokenRulesException} naming each field.
 */
@NullMarked
package com.ticketbounty.identity.domain;

import org.jspecify.annotations.NullMarked;
