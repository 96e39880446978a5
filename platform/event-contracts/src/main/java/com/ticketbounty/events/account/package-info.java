/** Events of accounts, published by identity-service. */
@NullMarked
package com.ticketbounty.events.account;

import org.jspecify.annotations.NullMarked;
