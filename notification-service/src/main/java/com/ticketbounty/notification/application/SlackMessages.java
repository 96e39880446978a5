package com.ticketbounty.notification.application;

/**
 * Posts to the administrators' Slack channel (an incoming webhook, DESIGN.md §9). A webhook has no
 * idempotency key: a repeated step may post twice, so only alerts go here, never anything counted.
 */
public interface SlackMessages {
  /**
   * @throws ProviderRejectedException when Slack refuses the message for good
   * @throws ProviderUnavailableException when it could not be posted now
   */
  void post(String text);
}
