/**
 * Idempotency-Key: a POST repeated with the same key within 24 h returns the first answer and
 * creates nothing new.
 */
@NullMarked
package com.ticketbounty.serviceweb.idempotency;

import org.jspecify.annotations.NullMarked;
