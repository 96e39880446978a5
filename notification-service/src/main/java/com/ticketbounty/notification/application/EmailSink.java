package com.ticketbounty.notification.application;

import java.util.List;
import java.util.Optional;

/**
 * The local e-mail sink, read back: where e-mails go when no provider is configured ({@code
 * EMAIL_BASE_URL} unset), one per distinct idempotency key, as a provider would send them.
 */
public interface EmailSink {

  /**
   * Up to {@code limit} e-mails, newest first.
   *
   * @param before only e-mails kept before the one with this id (the previous page's last)
   */
  List<SinkEmail> newest(int limit, Optional<Long> before);
}
