package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.security.InternalCaller;
import com.ticketbounty.serviceweb.security.ServiceClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Narrows an {@link InternalCaller} (a service or an ADMIN) to a service, for internal endpoints
 * that only other services call (the counts of admin-digest-service): an ADMIN's token is 403 there
 * like a user's. The handler's {@code InternalCaller} parameter has already answered 401 without a
 * token and 403 for a user, wherever the path was spelled. comment-service has the same small
 * class: services share no web adapter code on purpose.
 */
final class ServiceOnly {
  private ServiceOnly() {}

  /**
   * @throws ErrorResponseException 403 as problem details when the caller is no service
   */
  static ServiceClient require(InternalCaller caller) {
    if (caller.who() instanceof ServiceClient service) {
      return service;
    }
    throw new ErrorResponseException(
        HttpStatus.FORBIDDEN,
        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Only a service may do this."),
        null);
  }
}
