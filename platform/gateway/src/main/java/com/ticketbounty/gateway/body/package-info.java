/** The request body limit: nothing larger reaches a service. */
@NullMarked
package com.ticketbounty.gateway.body;

import org.jspecify.annotations.NullMarked;
