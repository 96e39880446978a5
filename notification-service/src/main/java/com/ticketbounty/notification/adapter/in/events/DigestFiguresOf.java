package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.events.digest.AdminDigestReady;
import com.ticketbounty.notification.domain.DigestFigures;
import com.ticketbounty.notification.domain.DigestFigures.Count;

/** {@code app/admin-digest.ready} as the domain's figures. */
final class DigestFiguresOf {
  private DigestFiguresOf() {}

  static DigestFigures of(AdminDigestReady ready) {
    return new DigestFigures(
        ready.periodStart(),
        ready.periodEnd(),
        new Count(ready.ticketsTotal(), ready.ticketsLastSevenDays()),
        new Count(ready.usersTotal(), ready.usersLastSevenDays()),
        new Count(ready.commentsTotal(), ready.commentsLastSevenDays()));
  }
}
