package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.ChatMessages;
import com.ticketbounty.notification.domain.FailureReport;

/** Tells the administrators' Slack channel that a run failed for good. */
public final class AlertFunctionFailure {
  private final SlackMessages slack;

  public AlertFunctionFailure(SlackMessages slack) {
    this.slack = slack;
  }

  public void alert(FailureReport failure) {
    slack.post(ChatMessages.functionFailed(failure));
  }
}
