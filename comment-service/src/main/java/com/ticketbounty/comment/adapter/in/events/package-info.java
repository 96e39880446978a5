/** Projections of ticket-service's events, which keep the read model of tickets current. */
@NullMarked
package com.ticketbounty.comment.adapter.in.events;

import org.jspecify.annotations.NullMarked;
