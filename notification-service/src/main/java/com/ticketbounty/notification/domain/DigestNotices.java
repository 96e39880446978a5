package com.ticketbounty.notification.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The digests: the administrators' daily figures and a user's batch of queued notifications. */
public final class DigestNotices {
  private final AppLinks links;

  public DigestNotices(AppLinks links) {
    this.links = links;
  }

  /** The administrators' daily figures as an e-mail. */
  public Notice adminDigest(DigestFigures figures) {
    return new Notice(
        EmailTemplate.ADMIN_DIGEST,
        "TicketBounty admin digest for " + day(figures),
        Map.of(
            "periodStart", Text.minutes(figures.periodStart()),
            "periodEnd", Text.minutes(figures.periodEnd()),
            "tickets", count(figures.tickets()),
            "users", count(figures.users()),
            "comments", count(figures.comments()),
            "appLink", links.home()),
        links.home());
  }

  /** The same figures as a Discord message (plain numbers, nothing a user typed). */
  public static String discordPost(DigestFigures figures) {
    return """
        **TicketBounty admin digest for %s**
        Tickets: %d (%d new in the last 7 days)
        Users: %d (%d new in the last 7 days)
        Comments: %d (%d new in the last 7 days)"""
        .formatted(
            day(figures),
            figures.tickets().total(),
            figures.tickets().lastSevenDays(),
            figures.users().total(),
            figures.users().lastSevenDays(),
            figures.comments().total(),
            figures.comments().lastSevenDays());
  }

  /** One e-mail listing every notification queued for a {@code daily-digest} recipient. */
  public Notice batchDigest(List<QueuedNotice> queued) {
    if (queued.isEmpty()) {
      throw new IllegalArgumentException("a digest needs at least one notification");
    }
    List<Map<String, Object>> items =
        queued.stream()
            .map(
                notice -> {
                  Map<String, Object> item = new HashMap<>();
                  item.put("subject", notice.subject());
                  item.put("queuedAt", Text.minutes(notice.queuedAt()));
                  if (notice.link() != null) {
                    item.put("link", notice.link());
                  }
                  return Map.copyOf(item);
                })
            .toList();
    String count = queued.size() == 1 ? "1 notification" : queued.size() + " notifications";
    return new Notice(
        EmailTemplate.BATCH_DIGEST,
        "Your TicketBounty digest: " + count,
        Map.of("items", items, "count", count, "appLink", links.home()),
        links.home());
  }

  private static LocalDate day(DigestFigures figures) {
    return LocalDate.ofInstant(figures.periodEnd(), ZoneOffset.UTC);
  }

  private static Map<String, Object> count(DigestFigures.Count count) {
    return Map.of("total", count.total(), "lastSevenDays", count.lastSevenDays());
  }
}
