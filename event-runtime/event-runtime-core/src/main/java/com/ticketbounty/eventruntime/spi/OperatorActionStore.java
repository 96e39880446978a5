package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The audit of operator actions taken through a service's operations API (replay, bulk replay,
 * cancel, redrive, event sent, cron triggered): who, when and what. Entries are written only for
 * actions that were done, and are never changed; the runtime's retention removes old ones.
 */
public interface OperatorActionStore {

  /**
   * Records an action that was done; the time is the store's clock (PostgreSQL's {@code now()}).
   *
   * @return the entry as kept
   */
  OperatorAction record(NewOperatorAction action);

  /**
   * The entries at or after {@code since} (all when null), newest first.
   *
   * @param limit at most this many
   */
  List<OperatorAction> list(@Nullable Instant since, int limit);

  /** Who acted: the access token's subject, and its username when the token carries one. */
  record Actor(String id, @Nullable String name) {
    public Actor {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * An action to record.
   *
   * @param actor who did it
   * @param action its name, such as {@code run.replayed}
   * @param target what it was done to (a run id, a dead letter's id, an event id, a function id),
   *     or null for a bulk action
   * @param detailJson a small JSON object with what else matters (a bulk filter and its count)
   */
  record NewOperatorAction(Actor actor, String action, @Nullable String target, String detailJson) {
    public NewOperatorAction {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detailJson, "detailJson");
    }
  }

  /** A recorded action: what was asked, with its id and the time it was recorded. */
  record OperatorAction(long id, Instant at, NewOperatorAction what) {}
}
