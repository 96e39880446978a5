/** Identity's own consumers of events: the audit row for a password change. */
@NullMarked
package com.ticketbounty.identity.adapter.in.events;

import org.jspecify.annotations.NullMarked;
