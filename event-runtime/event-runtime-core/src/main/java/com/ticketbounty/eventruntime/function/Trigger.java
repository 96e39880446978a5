package com.ticketbounty.eventruntime.function;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** What starts a run of a function. */
public sealed interface Trigger {

  /**
   * An event by wire name, optionally filtered by a CEL expression over {@code event} (for example
   * {@code event.data.priority == 'urgent'}); events the filter rejects start no run.
   */
  record OnEvent(String event, Optional<String> filter) implements Trigger {
    public OnEvent {
      if (event.isBlank()) {
        throw new IllegalArgumentException("trigger event name must not be blank");
      }
      Objects.requireNonNull(filter, "filter");
    }
  }

  /**
   * A cron expression (five fields, as Unix cron) in a time zone (UTC unless given). One run per
   * tick across every instance of the service.
   */
  record OnCron(String expression, ZoneId zone) implements Trigger {
    public OnCron {
      if (expression.isBlank()) {
        throw new IllegalArgumentException("cron expression must not be blank");
      }
      Objects.requireNonNull(zone, "zone");
    }
  }
}
