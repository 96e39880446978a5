package com.ticketbounty.notification.config;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.notification.adapter.in.events.AdminDigestDiscordFunction;
import com.ticketbounty.notification.adapter.in.events.AdminDigestEmailFunction;
import com.ticketbounty.notification.adapter.in.events.BatchDigestFunction;
import com.ticketbounty.notification.adapter.in.events.CommentPostedFunction;
import com.ticketbounty.notification.adapter.in.events.EmailVerificationCodeFunction;
import com.ticketbounty.notification.adapter.in.events.FunctionFailedFunction;
import com.ticketbounty.notification.adapter.in.events.PasswordChangedFunction;
import com.ticketbounty.notification.adapter.in.events.PasswordResetFunction;
import com.ticketbounty.notification.adapter.in.events.TicketAssignedFunction;
import com.ticketbounty.notification.adapter.in.events.TicketCreatedFunction;
import com.ticketbounty.notification.adapter.in.events.TicketUpdatedFunction;
import com.ticketbounty.notification.adapter.in.events.UrgentTicketFunction;
import com.ticketbounty.notification.adapter.in.events.WelcomeEmailFunction;
import com.ticketbounty.notification.application.AlertFunctionFailure;
import com.ticketbounty.notification.application.AlertUrgentTicket;
import com.ticketbounty.notification.application.ConfirmTicket;
import com.ticketbounty.notification.application.EmailAdminDigest;
import com.ticketbounty.notification.application.FindPendingDigests;
import com.ticketbounty.notification.application.NotifyAssignee;
import com.ticketbounty.notification.application.NotifyCommentAudience;
import com.ticketbounty.notification.application.NotifyTicketParticipants;
import com.ticketbounty.notification.application.PostDigestToDiscord;
import com.ticketbounty.notification.application.SendDigest;
import com.ticketbounty.notification.application.SendSecurityEmail;
import com.ticketbounty.notification.application.SendWelcome;
import com.ticketbounty.notification.application.TrackTicketCreation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable functions of DESIGN.md §8 that notification-service runs; the event runtime gives
 * each its queue ({@code <prefix>notification-service.<function id>}) and runs it.
 */
@Configuration(proxyBeanMethods = false)
public class FunctionConfiguration {

  @Bean
  DurableFunction welcomeEmailFunction(SendWelcome sendWelcome, NotificationProperties properties) {
    return new WelcomeEmailFunction(sendWelcome, properties.welcomeEmailDelay()).function();
  }

  @Bean
  DurableFunction emailVerificationCodeFunction(SendSecurityEmail sendSecurityEmail) {
    return new EmailVerificationCodeFunction(sendSecurityEmail).function();
  }

  @Bean
  DurableFunction passwordResetFunction(SendSecurityEmail sendSecurityEmail) {
    return new PasswordResetFunction(sendSecurityEmail).function();
  }

  @Bean
  DurableFunction passwordChangedFunction(SendSecurityEmail sendSecurityEmail) {
    return new PasswordChangedFunction(sendSecurityEmail).function();
  }

  @Bean
  DurableFunction ticketCreatedFunction(
      ConfirmTicket confirmTicket, TrackTicketCreation trackTicketCreation) {
    return new TicketCreatedFunction(confirmTicket, trackTicketCreation).function();
  }

  @Bean
  DurableFunction urgentTicketFunction(AlertUrgentTicket alertUrgentTicket) {
    return new UrgentTicketFunction(alertUrgentTicket).function();
  }

  @Bean
  DurableFunction commentPostedFunction(NotifyCommentAudience notifyCommentAudience) {
    return new CommentPostedFunction(notifyCommentAudience).function();
  }

  @Bean
  DurableFunction ticketAssignedFunction(NotifyAssignee notifyAssignee) {
    return new TicketAssignedFunction(notifyAssignee).function();
  }

  @Bean
  DurableFunction ticketUpdatedFunction(NotifyTicketParticipants notifyTicketParticipants) {
    return new TicketUpdatedFunction(notifyTicketParticipants).function();
  }

  @Bean
  DurableFunction adminDigestEmailFunction(EmailAdminDigest emailAdminDigest) {
    return new AdminDigestEmailFunction(emailAdminDigest).function();
  }

  @Bean
  DurableFunction adminDigestDiscordFunction(PostDigestToDiscord postDigestToDiscord) {
    return new AdminDigestDiscordFunction(postDigestToDiscord).function();
  }

  @Bean
  DurableFunction batchDigestFunction(
      FindPendingDigests findPendingDigests, SendDigest sendDigest) {
    return new BatchDigestFunction(findPendingDigests, sendDigest).function();
  }

  @Bean
  DurableFunction functionFailedFunction(AlertFunctionFailure alertFunctionFailure) {
    return new FunctionFailedFunction(alertFunctionFailure).function();
  }
}
