/** Explicit wiring of the use case, its port's adapter and the durable function; the settings. */
@NullMarked
package com.ticketbounty.admindigest.config;

import org.jspecify.annotations.NullMarked;
