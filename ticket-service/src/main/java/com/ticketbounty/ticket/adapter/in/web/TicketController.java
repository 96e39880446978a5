package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.idempotency.IdempotentRequests;
import com.ticketbounty.serviceweb.openapi.ServiceWebOpenApiAutoConfiguration;
import com.ticketbounty.serviceweb.ratelimit.AttemptKey;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimited;
import com.ticketbounty.serviceweb.security.Caller;
import com.ticketbounty.ticket.application.AssignTicket;
import com.ticketbounty.ticket.application.ChangeTicketDetails;
import com.ticketbounty.ticket.application.ChangeTicketStatus;
import com.ticketbounty.ticket.application.DeleteTicket;
import com.ticketbounty.ticket.application.OpenTicket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/tickets}: what a signed-in user does to tickets. The {@link Caller} comes first in
 * every signature, so a request without a valid token is 401 before its body is even read.
 */
@RestController
@Tag(name = "tickets")
@RequestMapping("/api/tickets")
@SecurityRequirement(name = ServiceWebOpenApiAutoConfiguration.BEARER)
class TicketController {
  static final String OPEN_TICKET = "open-ticket";

  private final OpenTicket openTicket;
  private final ChangeTicketDetails changeDetails;
  private final ChangeTicketStatus changeStatus;
  private final AssignTicket assignTicket;
  private final DeleteTicket deleteTicket;
  private final IdempotentRequests idempotentRequests;
  private final AttemptLimit openingTickets;

  TicketController(
      OpenTicket openTicket,
      ChangeTicketDetails changeDetails,
      ChangeTicketStatus changeStatus,
      AssignTicket assignTicket,
      DeleteTicket deleteTicket,
      IdempotentRequests idempotentRequests,
      AttemptLimit openingTickets) {
    this.openTicket = openTicket;
    this.changeDetails = changeDetails;
    this.changeStatus = changeStatus;
    this.assignTicket = assignTicket;
    this.deleteTicket = deleteTicket;
    this.idempotentRequests = idempotentRequests;
    this.openingTickets = openingTickets;
  }

  /**
   * 201 with the ticket; the Location is relative so that it holds behind the gateway. With an
   * {@code Idempotency-Key}, a repeat returns this first answer and opens nothing. Every post
   * counts against the caller's tickets per minute, a repeat too: it is counted before anything is
   * read.
   */
  @PostMapping
  @Operation(operationId = "openTicket")
  @AttemptLimited
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = TicketResponse.class)))
  Mono<ResponseEntity<Object>> open(
      Caller caller,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
      @RequestBody OpenTicketRequest request) {
    return openingTickets
        .take(AttemptKey.account(caller.userId().toString()))
        .then(Mono.defer(() -> openOnce(caller, key, request)));
  }

  private Mono<ResponseEntity<Object>> openOnce(
      Caller caller, @Nullable String key, OpenTicketRequest request) {
    return idempotentRequests.once(
        caller.userId(),
        OPEN_TICKET,
        key,
        request,
        () ->
            Mono.fromCallable(() -> request.toCommand(caller))
                .flatMap(openTicket::open)
                .map(TicketResponse::of)
                .map(
                    ticket ->
                        ResponseEntity.created(URI.create("/api/tickets/" + ticket.id()))
                            .body(ticket)));
  }

  @PatchMapping("/{id}")
  @Operation(operationId = "changeTicket")
  Mono<TicketResponse> change(
      Caller caller, @PathVariable UUID id, @RequestBody ChangeTicketRequest request) {
    return changeDetails.change(caller.userId(), id, request.toPatch()).map(TicketResponse::of);
  }

  @PutMapping("/{id}/status")
  @Operation(operationId = "changeTicketStatus")
  Mono<TicketResponse> changeStatus(
      Caller caller, @PathVariable UUID id, @RequestBody StatusRequest request) {
    return changeStatus.change(caller.userId(), id, request.status()).map(TicketResponse::of);
  }

  @PutMapping("/{id}/assignee")
  @Operation(operationId = "assignTicket")
  Mono<TicketResponse> assign(
      Caller caller, @PathVariable UUID id, @RequestBody AssigneeRequest request) {
    return assignTicket.assign(caller.userId(), id, request.assignee()).map(TicketResponse::of);
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteTicket")
  @ApiResponse(responseCode = "204")
  Mono<ResponseEntity<Void>> delete(Caller caller, @PathVariable UUID id) {
    return deleteTicket
        .delete(caller.userId(), id)
        .then(Mono.fromCallable(() -> ResponseEntity.noContent().build()));
  }
}
