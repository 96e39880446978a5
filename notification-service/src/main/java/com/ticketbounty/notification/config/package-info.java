/** Explicit wiring of use cases, ports and adapters, and the service's settings. */
@NullMarked
package com.ticketbounty.notification.config;

import org.jspecify.annotations.NullMarked;
