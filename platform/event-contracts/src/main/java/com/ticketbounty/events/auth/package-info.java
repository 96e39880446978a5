/** Events of sign-up and sessions, published by identity-service. */
@NullMarked
package com.ticketbounty.events.auth;

import org.jspecify.annotations.NullMarked;
