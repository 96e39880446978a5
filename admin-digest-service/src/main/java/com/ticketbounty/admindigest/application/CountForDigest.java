package com.ticketbounty.admindigest.application;

import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import com.ticketbounty.admindigest.domain.DigestPeriod;

/**
 * Counts one figure of a digest: every {@code what} that exists, and those created in the digest's
 * period (at or after its start). Its failures are {@link Figures}'.
 */
public final class CountForDigest {
  private final Figures figures;

  public CountForDigest(Figures figures) {
    this.figures = figures;
  }

  public Count count(Counted what, DigestPeriod period) {
    return figures.count(what, period.start());
  }
}
