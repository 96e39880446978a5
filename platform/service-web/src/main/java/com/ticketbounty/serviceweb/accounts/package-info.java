/**
 * A read model of account usernames, fed by identity-service's events, for services that show who
 * owns or wrote something.
 */
@NullMarked
package com.ticketbounty.serviceweb.accounts;

import org.jspecify.annotations.NullMarked;
