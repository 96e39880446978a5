package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one AMQP connection, named after the service. {@link #start} returns at once and
 * connects in the background, retrying every {@code recoveryInterval} for as long as the broker is
 * unreachable, so a service starts (and answers HTTP) while RabbitMQ is down; the relay leaves its
 * rows in the outbox and subscriptions start once the connection is up. After that, amqp-client's
 * automatic recovery reconnects and re-declares the recorded topology and consumers. It records
 * each object on the channel that declared it, so topology is declared only on channels that live
 * as long as what they declared. Close it after the publishers and sources that use it.
 */
public final class RabbitConnector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitConnector.class);

  private final RabbitSettings settings;
  private final RabbitNames names;
  private final ConnectionOpener opener;
  private final ScheduledExecutorService scheduler;
  private final List<ConnectedAction> pending = new ArrayList<>();
  private final ConnectionLog log;
  private @Nullable Connection connection;
  private boolean closed;

  private RabbitConnector(RabbitSettings settings) {
    this.settings = settings;
    this.names = RabbitNames.of(settings);
    this.log = new ConnectionLog(settings);
    this.opener = new ConnectionOpener(settings, names, log);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rabbit-connector-" + settings.serviceName());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts connecting in the background and returns at once. */
  public static RabbitConnector start(RabbitSettings settings) {
    RabbitConnector connector = new RabbitConnector(settings);
    connector.scheduler.execute(connector::connect);
    return connector;
  }

  public RabbitSettings settings() {
    return settings;
  }

  public RabbitNames names() {
    return names;
  }

  /** Whether the connection is up now (false before the first connect and while recovering). */
  public boolean isConnected() {
    Connection current = current();
    return current != null && current.isOpen();
  }

  /**
   * The node the connection reached ({@code host:port}), of the addresses in the settings; empty
   * while not connected. It changes when recovery moves to another node.
   */
  public Optional<String> connectedNode() {
    Connection current = current();
    return current != null && current.isOpen()
        ? Optional.of(current.getAddress().getHostAddress() + ":" + current.getPort())
        : Optional.empty();
  }

  /**
   * Why the connector is not connected yet, while its first connection attempts fail: for health
   * checks and operators. Empty once connected (a later outage is automatic recovery's, logged).
   */
  public Optional<String> connectionProblem() {
    return log.problem();
  }

  /**
   * Runs {@code action} now, in the caller's thread, when connected (its exception propagates);
   * otherwise once the first connection is made, in the connector's thread (its exception is
   * logged). Later reconnections are automatic recovery's work, so it never runs twice.
   */
  public void whenConnected(ConnectedAction action) throws IOException {
    Connection current;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("connector is closed");
      }
      current = connection;
      if (current == null) {
        pending.add(action);
        return;
      }
    }
    action.run(current);
  }

  /**
   * A new channel on the connection.
   *
   * @throws IOException when not connected (the caller tries again later)
   */
  public Channel openChannel() throws IOException {
    Connection current = current();
    if (current == null || !current.isOpen()) {
      throw new IOException("not connected to RabbitMQ at " + settings.broker());
    }
    Channel channel = current.createChannel();
    if (channel == null) {
      throw new IOException("RabbitMQ refused another channel (channel_max reached)");
    }
    return channel;
  }

  /** Runs {@code task} after {@code delay} in the connector's thread. */
  void schedule(Runnable task, Duration delay) {
    if (!scheduler.isShutdown()) {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized @Nullable Connection current() {
    return connection;
  }

  private void connect() {
    try {
      Connection created = opener.open();
      List<ConnectedAction> actions;
      synchronized (this) {
        if (closed) {
          created.abort();
          return;
        }
        connection = created;
        actions = List.copyOf(pending);
        pending.clear();
      }
      log.connected(created);
      for (ConnectedAction action : actions) {
        runLogged(action, created);
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      log.failed(e);
      schedule(this::connect, settings.recoveryInterval());
    }
  }

  private static void runLogged(ConnectedAction action, Connection created) {
    try {
      action.run(created);
    } catch (IOException | RuntimeException e) {
      LOG.error("Setting up after connecting to RabbitMQ failed: {}", e.toString(), e);
    }
  }

  /** Closes the connection and stops reconnecting. */
  @Override
  public void close() {
    Connection current;
    synchronized (this) {
      closed = true;
      current = connection;
      connection = null;
      pending.clear();
    }
    scheduler.shutdownNow();
    if (current != null) {
      current.abort((int) settings.shutdownTimeout().toMillis());
    }
  }

  /** What to do with the connection once it is up. */
  @FunctionalInterface
  public interface ConnectedAction {
    void run(Connection connection) throws IOException;
  }
}
