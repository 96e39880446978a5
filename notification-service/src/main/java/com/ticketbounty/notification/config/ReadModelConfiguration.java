package com.ticketbounty.notification.config;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.notification.adapter.in.events.RecipientProjections;
import com.ticketbounty.notification.adapter.in.events.TicketParticipantProjections;
import com.ticketbounty.notification.adapter.out.persistence.JdbcPendingNotifications;
import com.ticketbounty.notification.adapter.out.persistence.JdbcRecipients;
import com.ticketbounty.notification.adapter.out.persistence.JdbcTicketParticipants;
import com.ticketbounty.notification.application.LearnAccount;
import com.ticketbounty.notification.application.LearnComment;
import com.ticketbounty.notification.application.LearnTicket;
import com.ticketbounty.notification.application.PendingNotifications;
import com.ticketbounty.notification.application.Recipients;
import com.ticketbounty.notification.application.TicketParticipants;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own tables and the projections that feed the read models. Each projection bean's
 * name names its queue ({@code recipientsAccountCreated} → {@code
 * <prefix>notification-service.recipients-account-created}) and its inbox records: keep them.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

  @Bean
  Recipients recipients(DataSource dataSource) {
    return new JdbcRecipients(dataSource);
  }

  @Bean
  TicketParticipants ticketParticipants(DataSource dataSource) {
    return new JdbcTicketParticipants(dataSource);
  }

  @Bean
  PendingNotifications pendingNotifications(DataSource dataSource) {
    return new JdbcPendingNotifications(dataSource);
  }

  @Bean
  LearnAccount learnAccount(Recipients recipients) {
    return new LearnAccount(recipients);
  }

  @Bean
  LearnTicket learnTicket(TicketParticipants participants) {
    return new LearnTicket(participants);
  }

  @Bean
  LearnComment learnComment(TicketParticipants participants) {
    return new LearnComment(participants);
  }

  @Bean
  RecipientProjections recipientProjections(LearnAccount learnAccount) {
    return new RecipientProjections(learnAccount);
  }

  @Bean
  TicketParticipantProjections ticketParticipantProjections(
      LearnTicket learnTicket, LearnComment learnComment) {
    return new TicketParticipantProjections(learnTicket, learnComment);
  }

  @Bean
  Projection<AccountCreated> recipientsAccountCreated(RecipientProjections projections) {
    return projections.created();
  }

  @Bean
  Projection<AccountProfileUpdated> recipientsProfileUpdated(RecipientProjections projections) {
    return projections.profileUpdated();
  }

  @Bean
  Projection<TicketCreatedV2> participantsTicketCreated(TicketParticipantProjections projections) {
    return projections.ticketCreated();
  }

  @Bean
  Projection<TicketUpdated> participantsTicketUpdated(TicketParticipantProjections projections) {
    return projections.ticketUpdated();
  }

  @Bean
  Projection<TicketAssigned> participantsTicketAssigned(TicketParticipantProjections projections) {
    return projections.ticketAssigned();
  }

  @Bean
  Projection<TicketDeleted> participantsTicketDeleted(TicketParticipantProjections projections) {
    return projections.ticketDeleted();
  }

  @Bean
  Projection<CommentPosted> participantsCommentPosted(TicketParticipantProjections projections) {
    return projections.commentPosted();
  }

  @Bean
  Projection<CommentDeleted> participantsCommentDeleted(TicketParticipantProjections projections) {
    return projections.commentDeleted();
  }
}
