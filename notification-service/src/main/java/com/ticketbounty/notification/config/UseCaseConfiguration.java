package com.ticketbounty.notification.config;

import com.ticketbounty.notification.adapter.out.templates.MustacheEmailTemplates;
import com.ticketbounty.notification.application.AlertFunctionFailure;
import com.ticketbounty.notification.application.AlertUrgentTicket;
import com.ticketbounty.notification.application.Analytics;
import com.ticketbounty.notification.application.ConfirmTicket;
import com.ticketbounty.notification.application.DiscordMessages;
import com.ticketbounty.notification.application.EmailAdminDigest;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.application.EmailTemplates;
import com.ticketbounty.notification.application.FindPendingDigests;
import com.ticketbounty.notification.application.Notify;
import com.ticketbounty.notification.application.NotifyAssignee;
import com.ticketbounty.notification.application.NotifyCommentAudience;
import com.ticketbounty.notification.application.NotifyTicketParticipants;
import com.ticketbounty.notification.application.PendingNotifications;
import com.ticketbounty.notification.application.PostDigestToDiscord;
import com.ticketbounty.notification.application.Recipients;
import com.ticketbounty.notification.application.SendDigest;
import com.ticketbounty.notification.application.SendSecurityEmail;
import com.ticketbounty.notification.application.SendWelcome;
import com.ticketbounty.notification.application.SlackMessages;
import com.ticketbounty.notification.application.TicketParticipants;
import com.ticketbounty.notification.application.TrackTicketCreation;
import com.ticketbounty.notification.domain.AccountNotices;
import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.DigestNotices;
import com.ticketbounty.notification.domain.TicketNotices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases, typed by their ports. The ports' adapters — the HTTP providers or, with a variable
 * of DESIGN.md §10 unset, the local sink and the logging stand-ins — are {@link
 * ProviderConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {
  @Bean
  AppLinks appLinks(NotificationProperties properties) {
    return new AppLinks(properties.appBaseUrl());
  }

  @Bean
  EmailTemplates emailTemplates() {
    return new MustacheEmailTemplates();
  }

  @Bean
  Notify notify(
      EmailSender emailSender,
      EmailTemplates emailTemplates,
      PendingNotifications pending,
      Recipients recipients,
      NotificationProperties properties,
      AppLinks links) {
    return new Notify(
        emailSender, emailTemplates, pending, recipients, properties.email().from(), links);
  }

  @Bean
  SendWelcome sendWelcome(Notify notify, Recipients recipients, AppLinks links) {
    return new SendWelcome(notify, recipients, new AccountNotices(links));
  }

  @Bean
  SendSecurityEmail sendSecurityEmail(Notify notify, Recipients recipients, AppLinks links) {
    return new SendSecurityEmail(notify, recipients, new AccountNotices(links));
  }

  @Bean
  ConfirmTicket confirmTicket(Notify notify, Recipients recipients, AppLinks links) {
    return new ConfirmTicket(notify, recipients, new TicketNotices(links));
  }

  @Bean
  TrackTicketCreation trackTicketCreation(Analytics analytics) {
    return new TrackTicketCreation(analytics);
  }

  @Bean
  AlertUrgentTicket alertUrgentTicket(SlackMessages slack, AppLinks links) {
    return new AlertUrgentTicket(slack, links);
  }

  @Bean
  NotifyCommentAudience notifyCommentAudience(
      Notify notify, Recipients recipients, TicketParticipants participants, AppLinks links) {
    return new NotifyCommentAudience(notify, recipients, participants, new TicketNotices(links));
  }

  @Bean
  NotifyAssignee notifyAssignee(Notify notify, TicketParticipants participants, AppLinks links) {
    return new NotifyAssignee(notify, participants, new TicketNotices(links));
  }

  @Bean
  NotifyTicketParticipants notifyTicketParticipants(
      Notify notify, TicketParticipants participants, AppLinks links) {
    return new NotifyTicketParticipants(notify, participants, new TicketNotices(links));
  }

  @Bean
  EmailAdminDigest emailAdminDigest(Notify notify, Recipients recipients, AppLinks links) {
    return new EmailAdminDigest(notify, recipients, new DigestNotices(links));
  }

  @Bean
  PostDigestToDiscord postDigestToDiscord(DiscordMessages discord) {
    return new PostDigestToDiscord(discord);
  }

  @Bean
  FindPendingDigests findPendingDigests(PendingNotifications pending) {
    return new FindPendingDigests(pending);
  }

  @Bean
  SendDigest sendDigest(
      Notify notify, Recipients recipients, PendingNotifications pending, AppLinks links) {
    return new SendDigest(notify, recipients, pending, new DigestNotices(links));
  }

  @Bean
  AlertFunctionFailure alertFunctionFailure(SlackMessages slack) {
    return new AlertFunctionFailure(slack);
  }
}
