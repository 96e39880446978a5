package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.BrokenRulesException;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.TicketDetails;
import com.ticketbounty.ticket.domain.Violation;
import com.ticketbounty.ticket.domain.Violations;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user asks to open a ticket. Until sign-in exists the caller names the owner and the address
 * that gets the confirmation; the product-API issue replaces both with the signed-in user.
 */
public record OpenTicketCommand(UUID ownerId, String ownerEmail, TicketDetails details) {
  public static final int EMAIL_MAX = 254;

  // Deliberately loose: one @, no spaces, a dot in the domain. Whether the address works is up to
  // the mail provider; this only keeps obvious garbage out of the event.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public OpenTicketCommand {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(details, "details");
    if (!isEmail(ownerEmail)) {
      throw new BrokenRulesException(List.of(emailViolation()));
    }
  }

  /**
   * Reads a command as a caller sent it and reports every broken rule at once.
   *
   * @throws BrokenRulesException naming every field that breaks a rule
   */
  public static OpenTicketCommand of(
      @Nullable UUID ownerId,
      @Nullable String ownerEmail,
      @Nullable String title,
      @Nullable String content,
      @Nullable String deadline,
      @Nullable Long bounty,
      @Nullable Priority priority) {
    Violations violations = new Violations();
    TicketDetails details =
        violations.collect(() -> TicketDetails.of(title, content, deadline, bounty, priority));
    violations.require(ownerId != null, "ownerId", "is required");
    if (!isEmail(ownerEmail)) {
      violations.require(false, emailViolation().field(), emailViolation().message());
    }
    violations.throwIfAny();
    return new OpenTicketCommand(ownerId, ownerEmail, details);
  }

  private static boolean isEmail(@Nullable String value) {
    return value != null && value.length() <= EMAIL_MAX && EMAIL.matcher(value).matches();
  }

  private static Violation emailViolation() {
    return new Violation("ownerEmail", "must be an e-mail address");
  }
}
