/**
 * Password hashing (argon2id), access-token signing (RS256, Nimbus), and the signing keys sealed at
 * rest with the key-encryption keys.
 */
@NullMarked
package com.ticketbounty.identity.adapter.out.security;

import org.jspecify.annotations.NullMarked;
