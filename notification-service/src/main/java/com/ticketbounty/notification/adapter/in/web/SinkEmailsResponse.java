package com.ticketbounty.notification.adapter.in.web;

import com.ticketbounty.notification.application.ListSinkEmails.SinkPage;
import com.ticketbounty.notification.application.SinkEmail;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code {delivery, emails, nextBefore}}: {@code delivery} is {@code sink} (e-mails are kept here
 * and listed) or {@code provider} (they go to {@code EMAIL_BASE_URL}; the list is empty); {@code
 * nextBefore} is passed back as {@code ?before=} for the next page, null on the last.
 */
record SinkEmailsResponse(String delivery, List<Item> emails, @Nullable Long nextBefore) {

  static SinkEmailsResponse of(SinkPage page) {
    return new SinkEmailsResponse(
        page.delivery().name().toLowerCase(Locale.ROOT),
        page.emails().stream().map(Item::of).toList(),
        page.nextBefore().orElse(null));
  }

  record Item(
      long id,
      String from,
      List<String> to,
      String subject,
      String html,
      String text,
      Map<String, String> headers,
      String idempotencyKey,
      Instant createdAt) {
    static Item of(SinkEmail kept) {
      return new Item(
          kept.id(),
          kept.email().from(),
          kept.email().to(),
          kept.email().subject(),
          kept.email().html(),
          kept.email().text(),
          kept.email().headers(),
          kept.idempotencyKey(),
          kept.createdAt());
    }
  }
}
