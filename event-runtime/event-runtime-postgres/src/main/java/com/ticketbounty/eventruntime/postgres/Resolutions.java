package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Resolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Completes waiting steps of other runs. The guard and the requeue are one {@code UPDATE}, which
 * locks the target run's row: of two resolutions racing for one run (an event matched by two
 * instances, a child's result and a timeout claim), the second re-reads the row after the first
 * commits, finds it no longer waiting, and applies nothing.
 */
final class Resolutions {
  private static final String REQUEUE =
      """
      UPDATE event_runtime.runs r
         SET status = 'queued', due_at = now(), lease_owner = NULL, lease_expires_at = NULL,
             output = NULL, error = NULL, ended_at = NULL
       WHERE r.id = ? AND r.status = 'waiting'
         AND EXISTS (SELECT 1 FROM event_runtime.steps s
                      WHERE s.run_id = r.id AND s.step_key = ? AND s.status = 'waiting')
      """;

  private Resolutions() {}

  /** Applies the resolutions inside the caller's transaction; answers the steps resolved. */
  static Set<ParentStep> apply(Connection connection, List<Resolution> resolutions)
      throws SQLException {
    Set<ParentStep> resolved = new HashSet<>();
    for (Resolution resolution : resolutions) {
      ParentStep target = resolution.target();
      if (requeue(connection, target)) {
        StepRows.write(connection, target.runId(), List.of(resolution.write()));
        resolved.add(target);
      }
    }
    return resolved;
  }

  private static boolean requeue(Connection connection, ParentStep target) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(REQUEUE)) {
      update.setObject(1, target.runId());
      update.setString(2, target.stepKey());
      return update.executeUpdate() == 1;
    }
  }
}
