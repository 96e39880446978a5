/** identity-service: accounts, sessions, access tokens and the keys that sign them. */
@NullMarked
package com.ticketbounty.identity;

import org.jspecify.annotations.NullMarked;
