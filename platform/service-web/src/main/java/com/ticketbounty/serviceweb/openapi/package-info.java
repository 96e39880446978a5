/** The OpenAPI document of a service that uses service-web. */
@NullMarked
package com.ticketbounty.serviceweb.openapi;

import org.jspecify.annotations.NullMarked;
