/**
 * The count endpoints of identity-service, ticket-service and comment-service over HTTP, with this
 * service's service token and resilience4j around every call.
 */
@NullMarked
package com.ticketbounty.admindigest.adapter.out.http;

import org.jspecify.annotations.NullMarked;
