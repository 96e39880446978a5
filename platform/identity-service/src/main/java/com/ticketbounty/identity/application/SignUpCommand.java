package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.EmailAddress;
import com.ticketbounty.identity.domain.PlainPassword;
import com.ticketbounty.identity.domain.Username;
import com.ticketbounty.identity.domain.Violations;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Someone asks for an account. */
public record SignUpCommand(Username username, EmailAddress email, PlainPassword password) {

  public SignUpCommand {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Reads the request as sent and reports every broken rule at once.
   *
   * @throws com.ticketbounty.identity.domain.BrokenRulesException naming each broken field
   */
  public static SignUpCommand of(
      @Nullable String username, @Nullable String email, @Nullable String password) {
    Violations violations = new Violations();
    Username name = violations.collect(() -> Username.of(username));
    EmailAddress address = violations.collect(() -> EmailAddress.of(email, EmailAddress.FIELD));
    PlainPassword chosen = violations.collect(() -> PlainPassword.chosen(password, "password"));
    violations.throwIfAny();
    return new SignUpCommand(name, address, chosen);
  }
}
