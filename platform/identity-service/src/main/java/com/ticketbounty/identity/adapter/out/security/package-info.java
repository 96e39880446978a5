/** Password hashing (argon2id) and access-token signing (RS256, Nimbus). */
@NullMarked
package com.ticketbounty.identity.adapter.out.security;

import org.jspecify.annotations.NullMarked;
