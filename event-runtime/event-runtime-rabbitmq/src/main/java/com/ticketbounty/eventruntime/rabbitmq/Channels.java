package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class Channels {
  private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

  private Channels() {}

  /**
   * Drops a channel that is done with or no longer trusted. Abort rather than close: it does not
   * wait for the broker, never throws, and removes the channel (and its consumers) from automatic
   * recovery. The broker redelivers whatever the channel left unacked.
   */
  static void abort(@Nullable Channel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.abort();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Aborting a channel failed: {}", e.toString());
    }
  }
}
