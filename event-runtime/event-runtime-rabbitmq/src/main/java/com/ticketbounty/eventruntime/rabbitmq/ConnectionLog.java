package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator reads about the connection: one warning when the broker cannot be reached (and
 * again when the reason changes, or every dozen attempts), not a stack trace per attempt.
 */
final class ConnectionLog implements RecoveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitConnector.class);
  private static final int REMIND_EVERY = 12;

  private final RabbitSettings settings;
  private int failures;
  private @Nullable String lastReason;

  ConnectionLog(RabbitSettings settings) {
    this.settings = settings;
  }

  synchronized void failed(Exception e) {
    failures++;
    String reason = e.toString();
    if (!Objects.equals(reason, lastReason) || failures % REMIND_EVERY == 0) {
      LOG.warn(
          "Cannot connect to RabbitMQ at {}{} (attempt {}): {}. Retrying every {} ms in"
              + " the background; events stay in the outbox and consumers start once connected.",
          settings.broker(),
          settings.virtualHostPath(),
          failures,
          reason,
          settings.recoveryInterval().toMillis());
    } else {
      LOG.debug("RabbitMQ connection attempt {} failed: {}", failures, reason);
    }
    lastReason = reason;
  }

  /** The last failure and how many attempts failed in a row, while not connected. */
  synchronized Optional<String> problem() {
    return lastReason == null
        ? Optional.empty()
        : Optional.of(lastReason + " (" + failures + " failed attempts)");
  }

  synchronized void connected(Connection connection) {
    LOG.info(
        "Connected to RabbitMQ at {}{} as '{}'",
        node(connection),
        settings.virtualHostPath(),
        settings.serviceName());
    failures = 0;
    lastReason = null;
  }

  void lost(ShutdownSignalException cause) {
    if (!cause.isInitiatedByApplication()) {
      LOG.warn(
          "Lost the connection to RabbitMQ ({}); recovering every {} ms from {}",
          cause.getMessage(),
          settings.recoveryInterval().toMillis(),
          settings.broker());
    }
  }

  @Override
  public void handleRecovery(Recoverable recoverable) {
    LOG.info(
        "Recovered the connection to RabbitMQ at {}",
        recoverable instanceof Connection connection ? node(connection) : settings.broker());
  }

  /** The node this connection reached, of the several it may have. */
  private static String node(Connection connection) {
    return connection.getAddress().getHostAddress() + ":" + connection.getPort();
  }

  @Override
  public void handleRecoveryStarted(Recoverable recoverable) {}
}
