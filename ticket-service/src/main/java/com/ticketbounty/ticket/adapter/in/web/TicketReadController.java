package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.security.Caller;
import com.ticketbounty.ticket.application.SearchTickets;
import com.ticketbounty.ticket.application.ShowTicket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/tickets}: reading tickets is public; only {@code scope=mine} needs a signed-in user.
 * Query values are taken as text and read by {@link TicketListParameters}, so that a bad one is a
 * 400 naming the parameter.
 */
@RestController
@Tag(name = "tickets")
@RequestMapping("/api/tickets")
class TicketReadController {
  private final SearchTickets searchTickets;
  private final ShowTicket showTicket;

  TicketReadController(SearchTickets searchTickets, ShowTicket showTicket) {
    this.searchTickets = searchTickets;
    this.showTicket = showTicket;
  }

  @GetMapping
  @Operation(operationId = "listTickets")
  Mono<TicketListResponse> list(
      Optional<Caller> caller,
      @Parameter(description = "case-insensitive, in title, content and the owner's username")
          @RequestParam(required = false)
          @Nullable String search,
      @Parameter(schema = @Schema(allowableValues = {"OPEN", "IN_PROGRESS", "DONE"}))
          @RequestParam(required = false)
          @Nullable String status,
      @Parameter(
              schema =
                  @Schema(
                      allowableValues = {"createdAt", "bounty", "deadline", "title"},
                      defaultValue = "createdAt"))
          @RequestParam(required = false)
          @Nullable String sortKey,
      @Parameter(
              schema =
                  @Schema(
                      allowableValues = {"asc", "desc"},
                      defaultValue = "desc"))
          @RequestParam(required = false)
          @Nullable String sortValue,
      @Parameter(schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
          @RequestParam(required = false)
          @Nullable String page,
      @Parameter(
              description = "10, 20, 50 or 100",
              schema = @Schema(type = "integer", defaultValue = "10"))
          @RequestParam(required = false)
          @Nullable String size,
      @Parameter(
              description = "mine: the signed-in caller's tickets",
              schema =
                  @Schema(
                      allowableValues = {"all", "mine"},
                      defaultValue = "all"))
          @RequestParam(required = false)
          @Nullable String scope) {
    TicketListParameters parameters =
        new TicketListParameters(search, status, sortKey, sortValue, page, size, scope);
    return Mono.fromCallable(() -> parameters.toQuery(caller))
        .flatMap(searchTickets::search)
        .map(TicketListResponse::of);
  }

  @GetMapping("/{id}")
  @Operation(operationId = "showTicket")
  Mono<TicketResponse> show(@PathVariable UUID id) {
    return showTicket.show(id).map(TicketResponse::of);
  }
}
