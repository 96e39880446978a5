package com.ticketbounty.admindigest.application;

import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import java.time.Instant;

/**
 * The services that own what the digest counts, asked for one figure each. Blocking: it is called
 * from a durable function's step, never on an event loop.
 */
public interface Figures {

  /**
   * @return how many {@code what} exist now, and how many of them were created at or after {@code
   *     since}
   * @throws FiguresUnavailableException when the owner cannot answer now but may later
   * @throws FiguresRefusedException when the owner refuses the request itself, so asking again
   *     cannot help
   */
  Count count(Counted what, Instant since);
}
