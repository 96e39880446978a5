package com.ticketbounty.notification.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to tell someone, before it is addressed and rendered: the template, the subject, the values
 * the template shows, and the page it is about (kept with a queued notice for the digest).
 *
 * @param template which e-mail
 * @param subject one line (line breaks of user text are folded)
 * @param values what the template shows; user text is escaped by the HTML template, never here
 * @param link the page the notice is about, or null
 */
public record Notice(
    EmailTemplate template, String subject, Map<String, Object> values, @Nullable String link) {
  /** The value every non-security template links to in its footer. */
  public static final String SETTINGS_LINK = "settingsLink";

  /** The value holding the recipient's username. */
  public static final String RECIPIENT = "recipient";

  public Notice {
    Objects.requireNonNull(template, "template");
    subject = Text.oneLine(subject);
    if (subject.isEmpty()) {
      throw new IllegalArgumentException("a notice needs a subject");
    }
    values = Map.copyOf(values);
  }

  public boolean security() {
    return template.security();
  }

  /**
   * The values to render for {@code recipient}: the notice's, the recipient's name, and — for all
   * but security e-mails — the link to the notification settings.
   */
  public Map<String, Object> valuesFor(Recipient recipient, AppLinks links) {
    Map<String, Object> all = new HashMap<>(values);
    all.put(RECIPIENT, recipient.username());
    if (!security()) {
      all.put(SETTINGS_LINK, links.notificationSettings());
    }
    return Map.copyOf(all);
  }

  /**
   * The headers of the e-mail: {@code List-Unsubscribe} pointing at the notification settings for
   * all but security e-mails, which a user cannot opt out of.
   */
  public Map<String, String> headers(AppLinks links) {
    return security()
        ? Map.of()
        : Map.of("List-Unsubscribe", "<" + links.notificationSettings() + ">");
  }
}
