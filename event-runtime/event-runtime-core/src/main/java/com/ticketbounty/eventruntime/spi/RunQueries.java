package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read-only questions operators ask about runs (the operations API), newest first. */
public interface RunQueries {

  List<RunRecord> find(Filter filter);

  /**
   * Which runs to list. Empty parts match everything.
   *
   * @param functionId only this function's runs
   * @param statuses only runs in one of these statuses
   * @param since only runs created at or after this time
   * @param until only runs created before this time
   * @param limit at most this many (1–1000)
   */
  record Filter(
      Optional<String> functionId,
      Set<RunStatus> statuses,
      Optional<Instant> since,
      Optional<Instant> until,
      int limit) {
    public Filter {
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("limit must be from 1 to 1000, was " + limit);
      }
      statuses = Set.copyOf(statuses);
    }
  }
}
