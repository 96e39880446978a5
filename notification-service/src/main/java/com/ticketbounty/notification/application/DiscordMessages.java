package com.ticketbounty.notification.application;

/** Posts to the team's Discord channel (a webhook, DESIGN.md §9). */
public interface DiscordMessages {
  /**
   * @throws ProviderRejectedException when Discord refuses the message for good
   * @throws ProviderUnavailableException when it could not be posted now
   */
  void post(String content);
}
