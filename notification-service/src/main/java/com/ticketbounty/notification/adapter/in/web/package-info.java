/** The service's own HTTP endpoints (besides event-runtime's operations API). */
@NullMarked
package com.ticketbounty.notification.adapter.in.web;

import org.jspecify.annotations.NullMarked;
