package com.ticketbounty.identity.domain;

import java.time.Duration;

/** How long each credential works (DESIGN §7, API.md). */
public final class Lifetimes {
  public static final Duration ACCESS_TOKEN = Duration.ofMinutes(15);
  public static final Duration REFRESH_TOKEN = Duration.ofDays(30);
  public static final Duration RESET_TOKEN = Duration.ofMinutes(10);
  public static final Duration VERIFICATION_CODE = Duration.ofHours(2);

  private Lifetimes() {}
}
