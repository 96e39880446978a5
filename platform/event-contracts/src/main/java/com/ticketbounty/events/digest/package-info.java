/** Events of admin-digest-service. */
@NullMarked
package com.ticketbounty.events.digest;

import org.jspecify.annotations.NullMarked;
