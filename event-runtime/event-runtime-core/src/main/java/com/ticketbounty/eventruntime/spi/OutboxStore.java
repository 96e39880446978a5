package com.ticketbounty.eventruntime.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox table, as the relay sees it. Producers write to it inside their own transaction.
 *
 * <p>A relay {@linkplain #reserve reserves} a batch, publishes it and {@linkplain #settle settles}
 * the reservation once the broker has answered. Reserving is a short transaction of its own: no
 * lock and no transaction is held while the broker confirms, and the reservation keeps other relays
 * off the batch instead. Several relays may work on the same outbox at once: each message is
 * reserved by one of them, and a message is never handed out while an earlier unsent message of its
 * aggregate is reserved, so the order of one aggregate's events is kept. A relay that crashes (or
 * outlives its reservation) leaves its batch unsent, to be reserved and published again once the
 * reservation has expired (at least once).
 */
public interface OutboxStore {

  /** How long {@link #relay} reserves its batch. */
  Duration RELAY_RESERVATION = Duration.ofSeconds(30);

  /**
   * Reserves up to {@code limit} unsent messages for {@code reserveFor}, in a transaction of its
   * own, and answers them in the order they were written (an empty reservation when there are
   * none). Rows reserved by another relay, and rows behind them in their aggregate, are left out
   * until that reservation is settled or has expired.
   */
  Reservation reserve(int limit, Duration reserveFor);

  /**
   * Ends a reservation: marks sent, per aggregate, the confirmed messages up to its first
   * unconfirmed one ({@link Reservation#sent}), and frees the others to be published again. Rows
   * whose reservation has meanwhile expired and passed to another relay are left to that relay.
   *
   * @return how many messages were marked sent
   */
  int settle(Reservation reservation, Set<UUID> confirmed);

  /**
   * Reserves one batch, hands it to {@code publisher} and settles it with the ids it confirmed —
   * the relay's work without pipelining, for tests and one-off drains. A publisher that throws
   * leaves every message of the batch unsent and free again.
   *
   * @return how many messages were marked sent
   */
  default int relay(int limit, BatchPublisher publisher) throws InterruptedException {
    Reservation reservation = reserve(limit, RELAY_RESERVATION);
    if (reservation.isEmpty()) {
      return 0;
    }
    Set<UUID> confirmed = Set.of();
    try {
      confirmed = publisher.publish(reservation.messages());
    } finally {
      settle(reservation, confirmed);
    }
    return reservation.sent(confirmed).size();
  }

  /** Sends a batch, in order, and answers which messages the broker confirmed. */
  @FunctionalInterface
  interface BatchPublisher {
    Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException;
  }

  /**
   * Messages one relay holds until it settles them.
   *
   * @param id names this reservation on its rows; settling touches only rows that still carry it
   * @param messages in the order they were written
   */
  record Reservation(UUID id, List<OutboxMessage> messages) {
    public Reservation {
      messages = List.copyOf(messages);
    }

    public boolean isEmpty() {
      return messages.isEmpty();
    }

    /**
     * The messages to mark sent: per aggregate, the confirmed ones up to its first unconfirmed one.
     * A confirmed message behind an unconfirmed one stays unsent and goes out again after it, so a
     * consumer still sees that aggregate's last event last.
     */
    public List<UUID> sent(Set<UUID> confirmed) {
      Set<String> blocked = new HashSet<>();
      List<UUID> sent = new ArrayList<>();
      for (OutboxMessage message : messages) {
        if (blocked.contains(message.aggregateKey())) {
          continue;
        }
        if (confirmed.contains(message.eventId())) {
          sent.add(message.eventId());
        } else {
          blocked.add(message.aggregateKey());
        }
      }
      return sent;
    }
  }
}
