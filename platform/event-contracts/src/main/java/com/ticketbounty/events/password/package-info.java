/** Events of password resets, published by identity-service. */
@NullMarked
package com.ticketbounty.events.password;

import org.jspecify.annotations.NullMarked;
