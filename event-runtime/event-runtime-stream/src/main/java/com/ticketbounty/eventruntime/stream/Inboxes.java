package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.spi.InboxStore;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where projections record the events they applied: JDBC projections in {@code jdbc} (event-runtime
 * binds its connection for the handler), R2DBC ones in {@code reactive}; the same table.
 *
 * @param patience how long a consumer thread waits for a reactive projection's transaction before
 *     handing the message back for a later try
 */
record Inboxes(InboxStore jdbc, @Nullable R2dbcInbox reactive, Duration patience) {
  /** For a handler that records the event itself, in its own transaction. */
  static final InboxStore RECORDED_BY_THE_HANDLER =
      (subscription, eventId, work) -> {
        work.run();
        return true;
      };
}
