/** Identity headers a client sends are dropped before a request is routed. */
@NullMarked
package com.ticketbounty.gateway.headers;

import org.jspecify.annotations.NullMarked;
