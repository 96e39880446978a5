/**
 * The operations console at {@code /ops}: static pages (served from {@code static/ops}) over the
 * operations API, its strict content security policy, and {@code GET /api/ops/settings}.
 */
@NullMarked
package com.ticketbounty.gateway.console;

import org.jspecify.annotations.NullMarked;
