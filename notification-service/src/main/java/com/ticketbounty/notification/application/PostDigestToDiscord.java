package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.DigestFigures;
import com.ticketbounty.notification.domain.DigestNotices;

/** Posts the daily figures to the team's Discord channel. */
public final class PostDigestToDiscord {
  private final DiscordMessages discord;

  public PostDigestToDiscord(DiscordMessages discord) {
    this.discord = discord;
  }

  public void post(DigestFigures figures) {
    discord.post(DigestNotices.discordPost(figures));
  }
}
