package com.ticketbounty.events.digest;

import com.ticketbounty.eventruntime.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code app/admin-digest.ready}: the daily figures for the administrators, counted by
 * admin-digest-service's {@code prepare-admin-digest} run from the services that own them. "Last 7
 * days" means created at or after {@code periodStart}.
 *
 * @param periodStart seven days before {@code periodEnd}
 * @param periodEnd the cron tick the digest was prepared for
 * @param ticketsTotal every ticket that exists
 * @param ticketsLastSevenDays tickets created in the period
 * @param usersTotal every account
 * @param usersLastSevenDays accounts created in the period
 * @param commentsTotal every comment that exists
 * @param commentsLastSevenDays comments posted in the period
 */
@EventType(name = AdminDigestReady.NAME, version = "1.0")
public record AdminDigestReady(
    Instant periodStart,
    Instant periodEnd,
    long ticketsTotal,
    long ticketsLastSevenDays,
    long usersTotal,
    long usersLastSevenDays,
    long commentsTotal,
    long commentsLastSevenDays) {
  public static final String NAME = "app/admin-digest.ready";

  public AdminDigestReady {
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
  }
}
