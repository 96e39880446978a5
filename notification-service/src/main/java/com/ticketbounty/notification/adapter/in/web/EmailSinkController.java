package com.ticketbounty.notification.adapter.in.web;

import com.ticketbounty.notification.application.ListSinkEmails;
import com.ticketbounty.serviceweb.security.AdminCaller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /internal/notifications/emails}: the local e-mail sink, newest first, for an
 * administrator ({@link AdminCaller}: no token 401, anyone else's 403); the gateway never routes
 * it. {@code limit} 1–200 (default 50), {@code before} the previous page's {@code nextBefore}.
 */
@RestController
class EmailSinkController {
  private static final Logger LOG = LoggerFactory.getLogger(EmailSinkController.class);

  private final ListSinkEmails listSinkEmails;

  EmailSinkController(ListSinkEmails listSinkEmails) {
    this.listSinkEmails = listSinkEmails;
  }

  @GetMapping("/internal/notifications/emails")
  Mono<SinkEmailsResponse> list(
      AdminCaller admin,
      @RequestParam(name = SinkPaging.LIMIT, required = false) @Nullable String limit,
      @RequestParam(name = SinkPaging.BEFORE, required = false) @Nullable String before) {
    return Mono.fromCallable(
            () -> listSinkEmails.list(SinkPaging.limit(limit), SinkPaging.before(before)))
        // JDBC blocks: off the event loop, within the pool's share for the service's own work.
        .subscribeOn(Schedulers.boundedElastic())
        .map(SinkEmailsResponse::of)
        .onErrorMap(DataAccessException.class, EmailSinkController::unreadable);
  }

  /** The database is down or busy: worth trying again, and no 500 with a cause in the body. */
  private static ErrorResponseException unreadable(DataAccessException e) {
    LOG.warn("The e-mail sink cannot be read: {}", e.toString());
    return new ErrorResponseException(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "The e-mail sink cannot be read right now."),
        e);
  }
}
