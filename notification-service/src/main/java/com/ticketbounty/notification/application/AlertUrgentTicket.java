package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.ChatMessages;
import com.ticketbounty.notification.domain.UrgentTicket;

/** Tells the administrators' Slack channel about an urgent ticket. */
public final class AlertUrgentTicket {
  private final SlackMessages slack;
  private final AppLinks links;

  public AlertUrgentTicket(SlackMessages slack, AppLinks links) {
    this.slack = slack;
    this.links = links;
  }

  public void alert(UrgentTicket ticket) {
    slack.post(ChatMessages.urgentTicket(ticket, links));
  }
}
