package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Recipient;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of identity-service's accounts, as far as e-mails need them: address,
 * username, role, preference, verification. Fed by the account events (never by asking
 * identity-service), so an account can be unknown for a moment after it was created.
 */
public interface Recipients {

  /**
   * Applies what an account event says, unless the copy already holds a later version of the
   * account. Fields the event leaves null (a 1.0 profile update has no address, role or
   * verification) keep what the copy had.
   */
  void learn(AccountChange change);

  /** The account, when its address is known. */
  Optional<Recipient> find(UUID userId);

  /** Those of {@code userIds} whose address is known. */
  Map<UUID, Recipient> findAll(Collection<UUID> userIds);

  /** Every ADMIN whose address is verified, ordered by id. */
  List<Recipient> verifiedAdmins();
}
