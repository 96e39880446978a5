/** Explicit wiring of use cases to their adapters, and the service's settings. */
@NullMarked
package com.ticketbounty.identity.config;

import org.jspecify.annotations.NullMarked;
