package com.ticketbounty.notification.adapter.out.log;

import com.ticketbounty.notification.application.Analytics;
import com.ticketbounty.notification.domain.TrackedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the collector when {@code ANALYTICS_BASE_URL} is unset (local runs): one INFO line
 * per event with everything the collector would have received (its properties hold no personal
 * data, see {@link TrackedEvent}).
 */
public final class LoggingAnalytics implements Analytics {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingAnalytics.class);

  @Override
  public void track(TrackedEvent event) {
    LOG.info(
        "Analytics event not sent (ANALYTICS_BASE_URL is unset): event=\"{}\" userId={}"
            + " messageId={} timestamp={} properties={}",
        LogLines.oneLine(event.event()),
        LogLines.oneLine(event.userId()),
        LogLines.oneLine(event.messageId()),
        event.timestamp(),
        LogLines.oneLine(String.valueOf(event.properties())));
  }
}
