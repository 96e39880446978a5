/**
 * Access tokens: verified against the JWKS, refused once their session has ended, the caller handed
 * to controllers.
 */
@NullMarked
package com.ticketbounty.serviceweb.security;

import org.jspecify.annotations.NullMarked;
