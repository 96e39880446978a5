package com.ticketbounty.notification.config;

import com.ticketbounty.eventruntime.RetryPolicy;
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

  /** How every function's steps retry: each calls a provider (notification.provider-steps). */
  @Bean
  RetryPolicy providerSteps(NotificationProperties properties) {
    return properties.providerSteps().policy();
  }

  @Bean
  DurableFunction welcomeEmailFunction(
      SendWelcome sendWelcome, NotificationProperties properties, RetryPolicy providerSteps) {
    return new WelcomeEmailFunction(sendWelcome, properties.welcomeEmailDelay(), providerSteps)
        .function();
  }

  @Bean
  DurableFunction emailVerificationCodeFunction(
      SendSecurityEmail sendSecurityEmail, RetryPolicy providerSteps) {
    return new EmailVerificationCodeFunction(sendSecurityEmail, providerSteps).function();
  }

  @Bean
  DurableFunction passwordResetFunction(
      SendSecurityEmail sendSecurityEmail, RetryPolicy providerSteps) {
    return new PasswordResetFunction(sendSecurityEmail, providerSteps).function();
  }

  @Bean
  DurableFunction passwordChangedFunction(
      SendSecurityEmail sendSecurityEmail, RetryPolicy providerSteps) {
    return new PasswordChangedFunction(sendSecurityEmail, providerSteps).function();
  }

  @Bean
  DurableFunction ticketCreatedFunction(
      ConfirmTicket confirmTicket,
      TrackTicketCreation trackTicketCreation,
      RetryPolicy providerSteps) {
    return new TicketCreatedFunction(confirmTicket, trackTicketCreation, providerSteps).function();
  }

  @Bean
  DurableFunction urgentTicketFunction(
      AlertUrgentTicket alertUrgentTicket, RetryPolicy providerSteps) {
    return new UrgentTicketFunction(alertUrgentTicket, providerSteps).function();
  }

  @Bean
  DurableFunction commentPostedFunction(
      NotifyCommentAudience notifyCommentAudience, RetryPolicy providerSteps) {
    return new CommentPostedFunction(notifyCommentAudience, providerSteps).function();
  }

  @Bean
  DurableFunction ticketAssignedFunction(NotifyAssignee notifyAssignee, RetryPolicy providerSteps) {
    return new TicketAssignedFunction(notifyAssignee, providerSteps).function();
  }

  @Bean
  DurableFunction ticketUpdatedFunction(
      NotifyTicketParticipants notifyTicketParticipants, RetryPolicy providerSteps) {
    return new TicketUpdatedFunction(notifyTicketParticipants, providerSteps).function();
  }

  @Bean
  DurableFunction adminDigestEmailFunction(
      EmailAdminDigest emailAdminDigest, RetryPolicy providerSteps) {
    return new AdminDigestEmailFunction(emailAdminDigest, providerSteps).function();
  }

  @Bean
  DurableFunction adminDigestDiscordFunction(
      PostDigestToDiscord postDigestToDiscord, RetryPolicy providerSteps) {
    return new AdminDigestDiscordFunction(postDigestToDiscord, providerSteps).function();
  }

  @Bean
  DurableFunction batchDigestFunction(
      FindPendingDigests findPendingDigests, SendDigest sendDigest, RetryPolicy providerSteps) {
    return new BatchDigestFunction(findPendingDigests, sendDigest, providerSteps).function();
  }

  @Bean
  DurableFunction functionFailedFunction(
      AlertFunctionFailure alertFunctionFailure, RetryPolicy providerSteps) {
    return new FunctionFailedFunction(alertFunctionFailure, providerSteps).function();
  }
}
