/** Calls to other services' {@code /internal/**} endpoints, with this service's service token. */
@NullMarked
package com.ticketbounty.serviceweb.client;

import org.jspecify.annotations.NullMarked;
