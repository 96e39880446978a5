package com.ticketbounty.notification.adapter.out.log;

import com.ticketbounty.notification.application.SlackMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Slack when {@code SLACK_WEBHOOK_URL} is unset (local runs): one INFO line with the
 * message, its line breaks escaped so that it stays one line.
 */
public final class LoggingSlackMessages implements SlackMessages {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingSlackMessages.class);

  @Override
  public void post(String text) {
    LOG.info("Slack message not posted (SLACK_WEBHOOK_URL is unset): {}", LogLines.oneLine(text));
  }
}
