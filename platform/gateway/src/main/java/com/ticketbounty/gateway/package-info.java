/** The gateway: routing, and problem details for what it answers itself. */
@NullMarked
package com.ticketbounty.gateway;

import org.jspecify.annotations.NullMarked;
