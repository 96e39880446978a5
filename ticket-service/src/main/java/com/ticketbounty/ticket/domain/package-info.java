/**
 * The ticket model: plain Java, no framework. Every rule of a ticket lives here, and a broken rule
 * is reported as a {@link com.ticketbounty.ticket.domain.BrokenRulesException} naming each field.
 */
@NullMarked
package com.ticketbounty.ticket.domain;

import org.jspecify.annotations.NullMarked;
