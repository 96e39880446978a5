/**
 * admin-digest-service: every day at midnight UTC it counts tickets, accounts and comments at the
 * services that own them and announces the figures as {@code app/admin-digest.ready}.
 */
@NullMarked
package com.ticketbounty.admindigest;

import org.jspecify.annotations.NullMarked;
