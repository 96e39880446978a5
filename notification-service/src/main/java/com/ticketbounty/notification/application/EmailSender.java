package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Email;

/**
 * Hands an e-mail to whoever delivers it.
 *
 * <p>A call may be repeated after a crash or a redelivery; the sender passes {@code idempotencyKey}
 * to the provider, which delivers one e-mail per distinct key.
 */
public interface EmailSender {

  /**
   * @throws EmailRejectedException when the provider refuses this e-mail for good (sending it again
   *     cannot succeed)
   * @throws EmailNotSentException when sending failed for now (provider down, overloaded, too slow)
   *     and may succeed later
   */
  void send(Email email, String idempotencyKey);
}
