/** Security headers on every answer of the gateway, whatever a service sent. */
@NullMarked
package com.ticketbounty.gateway.security;

import org.jspecify.annotations.NullMarked;
