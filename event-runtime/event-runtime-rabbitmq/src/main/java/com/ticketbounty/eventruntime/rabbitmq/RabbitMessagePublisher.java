package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox batches to the events exchange with pipelined publisher confirms: the whole
 * batch goes out on one confirm-select channel without waiting per message ({@link #send}), and the
 * answer waits (up to {@code confirmTimeout}) for the broker's acks of that batch, while later
 * batches may already be on their way. Only acked ids are answered; a nack, a timeout or a lost
 * connection leaves the rest out, and the relay keeps them to publish again. Nothing here throws
 * for a broker problem: the channel is dropped and re-opened on the next batch (a batch sent on a
 * channel that broke before its confirms came is answered with what was confirmed so far).
 *
 * <p>One channel keeps the batches in order on the broker. Sends are serialized; give each relay
 * its own publisher.
 */
public final class RabbitMessagePublisher implements MessagePublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitMessagePublisher.class);

  private final RabbitConnector connector;
  private final Clock clock;
  private @Nullable Channel channel;
  private @Nullable ConfirmTracker tracker;

  public RabbitMessagePublisher(RabbitConnector connector, Clock clock) {
    this.connector = connector;
    this.clock = clock;
  }

  @Override
  public String destination() {
    return connector.names().exchange();
  }

  @Override
  public Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException {
    return send(batch).await();
  }

  @Override
  public synchronized Confirms send(List<OutboxMessage> batch) {
    if (batch.isEmpty()) {
      return Set::of;
    }
    ConfirmTracker confirms = confirmChannel();
    Channel current = channel;
    if (confirms == null || current == null) {
      return Set::of;
    }
    long first = current.getNextPublishSeqNo();
    try {
      send(current, confirms, batch);
    } catch (IOException | ShutdownSignalException e) {
      LOG.warn("Publishing {} events failed half-way: {}", batch.size(), e.toString());
      confirms.markBroken();
    }
    long last = current.getNextPublishSeqNo() - 1;
    List<UUID> ids = batch.stream().map(OutboxMessage::eventId).toList();
    return () -> awaitConfirms(confirms, first, last, ids);
  }

  private Set<UUID> awaitConfirms(ConfirmTracker confirms, long first, long last, List<UUID> ids)
      throws InterruptedException {
    Set<UUID> confirmed =
        confirms.awaitConfirms(first, last, ids, connector.settings().confirmTimeout());
    if (confirms.isBroken()) {
      LOG.warn(
          "{} of {} events were not confirmed; they stay in the outbox",
          ids.size() - confirmed.size(),
          ids.size());
      dropChannel(confirms);
    }
    return confirmed;
  }

  private void send(Channel current, ConfirmTracker confirms, List<OutboxMessage> batch)
      throws IOException {
    String exchange = connector.names().exchange();
    String appId = connector.settings().serviceName();
    for (OutboxMessage message : batch) {
      confirms.expect(current.getNextPublishSeqNo(), message.eventId());
      current.basicPublish(
          exchange,
          message.eventName(),
          AmqpMessages.properties(message, appId, clock.instant()),
          message.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The open confirm channel, opening one when there is none; {@code null} while disconnected. */
  private @Nullable ConfirmTracker confirmChannel() {
    if (channel != null && tracker != null && channel.isOpen() && !tracker.isBroken()) {
      return tracker;
    }
    dropChannel();
    Channel opened = null;
    try {
      opened = connector.openChannel();
      ConfirmTracker opener = new ConfirmTracker();
      opened.addConfirmListener(opener);
      opened.addShutdownListener(opener::channelClosed);
      opened.confirmSelect();
      channel = opened;
      tracker = opener;
      return opener;
    } catch (IOException | ShutdownSignalException e) {
      LOG.debug("No channel to publish on: {}", e.toString());
      Channels.abort(opened);
      return null;
    }
  }

  /** Drops the channel of {@code broken}, unless it has already been replaced. */
  private synchronized void dropChannel(ConfirmTracker broken) {
    if (tracker == broken) {
      dropChannel();
    }
  }

  private void dropChannel() {
    Channel old = channel;
    channel = null;
    tracker = null;
    Channels.abort(old);
  }

  @Override
  public synchronized void close() {
    dropChannel();
  }
}
