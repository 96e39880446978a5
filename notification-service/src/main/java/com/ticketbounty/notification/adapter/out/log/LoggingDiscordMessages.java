package com.ticketbounty.notification.adapter.out.log;

import com.ticketbounty.notification.application.DiscordMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Discord when {@code DISCORD_WEBHOOK_URL} is unset (local runs): one INFO line with
 * the message, its line breaks escaped so that it stays one line.
 */
public final class LoggingDiscordMessages implements DiscordMessages {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingDiscordMessages.class);

  @Override
  public void post(String content) {
    LOG.info(
        "Discord message not posted (DISCORD_WEBHOOK_URL is unset): {}", LogLines.oneLine(content));
  }
}
