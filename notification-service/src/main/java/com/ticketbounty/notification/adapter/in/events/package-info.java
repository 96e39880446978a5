/**
 * Event consumers: the durable functions (one class each, with its {@code ID}) and the projections
 * that keep the read models. Each turns a delivered event into use-case calls.
 */
@NullMarked
package com.ticketbounty.notification.adapter.in.events;

import org.jspecify.annotations.NullMarked;
