/** The HTTP API of API.md's auth and account table, the JWKS and key rotation. */
@NullMarked
package com.ticketbounty.identity.adapter.in.web;

import org.jspecify.annotations.NullMarked;
