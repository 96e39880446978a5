package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.TicketDetails;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in user asks to open a ticket. Who the owner is comes from the verified access token,
 * never from the request body.
 *
 * @param ownerId the signed-in user
 * @param ownerUsername the username the token carries, remembered until the account's own event
 *     tells this service
 * @param ownerEmail the address that gets the confirmation (in {@code app/ticket.created})
 */
public record OpenTicketCommand(
    UUID ownerId, String ownerUsername, String ownerEmail, TicketDetails details) {

  public OpenTicketCommand {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(ownerUsername, "ownerUsername");
    Objects.requireNonNull(ownerEmail, "ownerEmail");
    Objects.requireNonNull(details, "details");
  }

  /**
   * Reads the details as the caller sent them.
   *
   * @throws com.ticketbounty.ticket.domain.BrokenRulesException naming every field that breaks a
   *     rule
   */
  public static OpenTicketCommand of(
      UUID ownerId,
      String ownerUsername,
      String ownerEmail,
      @Nullable String title,
      @Nullable String content,
      @Nullable String deadline,
      @Nullable Long bounty,
      @Nullable Priority priority) {
    return new OpenTicketCommand(
        ownerId,
        ownerUsername,
        ownerEmail,
        TicketDetails.of(title, content, deadline, bounty, priority));
  }
}
