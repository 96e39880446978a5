package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.Given;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketChange;
import com.ticketbounty.ticket.domain.Violation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The owner gives a ticket to a known account, or to nobody; announced as {@code
 * app/ticket.assigned} with the assignee before and after. Giving it to whom it already has changes
 * and announces nothing.
 */
public final class AssignTicket {
  public static final String FIELD = "userId";

  private final TicketChanges changes;
  private final Accounts accounts;
  private final TicketEvents events;
  private final Clock clock;

  public AssignTicket(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    this.changes = new TicketChanges(tickets, accounts, unitOfWork);
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param assignee the account to give it to, given as null to unassign; null when the caller sent
   *     no {@code userId} at all, which breaks a rule
   */
  public Mono<TicketView> assign(UUID actor, UUID ticketId, @Nullable Given<UUID> assignee) {
    return changes.apply(
        ticketId,
        ticket -> assignTo(ticket, actor, assignee),
        done ->
            events.assigned(
                TicketContracts.assigned(done.ticket(), done.before().assigneeId().orElse(null))));
  }

  private Mono<TicketChange> assignTo(Ticket ticket, UUID actor, @Nullable Given<UUID> assignee) {
    // The owner first: anyone else learns nothing, not even whether an account exists.
    ticket.checkOwner(actor);
    if (assignee == null) {
      return Mono.error(broken("is required: an account's id, or null to unassign"));
    }
    UUID userId = assignee.value();
    Mono<Boolean> known = userId == null ? Mono.just(true) : accounts.exists(userId);
    return known.flatMap(
        exists ->
            exists
                ? Mono.fromCallable(() -> ticket.assign(actor, userId, clock))
                : Mono.error(broken("is not a known account")));
  }

  private static BrokenRulesException broken(String message) {
    return new BrokenRulesException(List.of(new Violation(FIELD, message)));
  }
}
