/** One OpenAPI document of the whole public API, merged from the services' documents. */
@NullMarked
package com.ticketbounty.gateway.openapi;

import org.jspecify.annotations.NullMarked;
