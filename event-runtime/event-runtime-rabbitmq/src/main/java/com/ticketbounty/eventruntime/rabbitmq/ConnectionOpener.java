package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Opens the service's connection to one of the broker addresses with automatic and topology
 * recovery on, and declares the two exchanges on it before anything else uses it.
 */
final class ConnectionOpener {
  private final RabbitSettings settings;
  private final RabbitNames names;
  private final ConnectionLog log;
  private final ConnectionFactory factory = new ConnectionFactory();

  ConnectionOpener(RabbitSettings settings, RabbitNames names, ConnectionLog log) {
    this.settings = settings;
    this.names = names;
    this.log = log;
    factory.setUsername(settings.username());
    factory.setPassword(settings.password());
    factory.setVirtualHost(settings.virtualHost());
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(settings.recoveryInterval().toMillis());
  }

  /**
   * A connection named after the service, its exchanges declared; nothing left open on failure.
   * amqp-client tries the broker addresses in a shuffled order and takes the first that accepts;
   * its automatic recovery does the same, so a lost node is replaced by another one.
   */
  Connection open() throws IOException, TimeoutException {
    Connection connection =
        factory.newConnection(settings.broker().addresses(), settings.serviceName());
    try {
      declareExchanges(connection.createChannel());
      connection.addShutdownListener(log::lost);
      if (connection instanceof Recoverable recoverable) {
        recoverable.addRecoveryListener(log);
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      connection.abort();
      throw e;
    }
  }

  /**
   * On a channel that stays open as long as the connection: topology recovery re-declares each
   * object through the channel that declared it.
   */
  private void declareExchanges(Channel topology) throws IOException {
    topology.exchangeDeclare(names.exchange(), BuiltinExchangeType.TOPIC, true, false, Map.of());
    topology.exchangeDeclare(
        names.deadLetterExchange(), BuiltinExchangeType.DIRECT, true, false, Map.of());
  }
}
