/** The durable function that prepares the digest on its cron schedule. */
@NullMarked
package com.ticketbounty.admindigest.adapter.in.events;

import org.jspecify.annotations.NullMarked;
