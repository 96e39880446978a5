/** CORS for the frontend origins: answered by the gateway alone, before any token check. */
@NullMarked
package com.ticketbounty.gateway.cors;

import org.jspecify.annotations.NullMarked;
