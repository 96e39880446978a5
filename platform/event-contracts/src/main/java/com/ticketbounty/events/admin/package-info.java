/** Events for the administrators, published by notification-service. */
@NullMarked
package com.ticketbounty.events.admin;

import org.jspecify.annotations.NullMarked;
