/**
 * The comment model: plain Java, no framework. A broken rule is reported as a {@link
 * com.ticketbounty.comment.domain.BrokenRulesException} naming each field.
 */
@NullMarked
package com.ticketbounty.comment.domain;

import org.jspecify.annotations.NullMarked;
