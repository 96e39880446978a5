/**
 * The HTTP providers (DESIGN.md §9): the Resend-compatible e-mail API, the Slack and Discord
 * webhooks and the Segment-style analytics collector, all through one guarded {@code POST} ({@link
 * com.ticketbounty.notification.adapter.out.http.ProviderClient}: time limit, circuit breaker,
 * rejected / unavailable, {@code Retry-After}).
 */
@NullMarked
package com.ticketbounty.notification.adapter.out.http;

import org.jspecify.annotations.NullMarked;
