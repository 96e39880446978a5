package com.ticketbounty.comment.config;

import com.ticketbounty.comment.adapter.out.accounts.ServiceWebAuthorNames;
import com.ticketbounty.comment.adapter.out.messaging.EventRuntimeCommentEvents;
import com.ticketbounty.comment.adapter.out.persistence.R2dbcComments;
import com.ticketbounty.comment.adapter.out.persistence.R2dbcKnownTickets;
import com.ticketbounty.comment.adapter.out.persistence.R2dbcUnitOfWork;
import com.ticketbounty.comment.application.AuthorNames;
import com.ticketbounty.comment.application.CommentEvents;
import com.ticketbounty.comment.application.Comments;
import com.ticketbounty.comment.application.CountComments;
import com.ticketbounty.comment.application.DeleteComment;
import com.ticketbounty.comment.application.EditComment;
import com.ticketbounty.comment.application.FindTicket;
import com.ticketbounty.comment.application.KnownTickets;
import com.ticketbounty.comment.application.LearnTicket;
import com.ticketbounty.comment.application.ListComments;
import com.ticketbounty.comment.application.PostComment;
import com.ticketbounty.comment.application.TicketDirectory;
import com.ticketbounty.comment.application.UnitOfWork;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.serviceweb.accounts.AccountNames;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Which adapter serves which port. Transactions are the reactive (R2DBC) transaction manager's: the
 * JDBC DataSource beside it serves only Flyway, service-web and event-runtime's own work.
 */
@Configuration(proxyBeanMethods = false)
public class CommentServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  UnitOfWork unitOfWork(ReactiveTransactionManager transactionManager) {
    return new R2dbcUnitOfWork(TransactionalOperator.create(transactionManager));
  }

  @Bean
  Comments comments(DatabaseClient database) {
    return new R2dbcComments(database);
  }

  @Bean
  KnownTickets knownTickets(DatabaseClient database) {
    return new R2dbcKnownTickets(database);
  }

  @Bean
  AuthorNames authorNames(AccountNames accountNames) {
    return new ServiceWebAuthorNames(accountNames);
  }

  /** Comments per account per minute, counted in service-web's store on this service's database. */
  @Bean
  AttemptLimit postingComments(AttemptStore store, RateLimitProperties properties) {
    return AttemptLimit.perMinute(store, "post-comment", properties.commentsPerMinute());
  }

  @Bean
  CommentEvents commentEvents(TransactionalEventPublisher publisher) {
    return new EventRuntimeCommentEvents(publisher);
  }

  @Bean
  ListComments listComments(Comments comments, AuthorNames authorNames) {
    return new ListComments(comments, authorNames);
  }

  @Bean
  CountComments countComments(Comments comments) {
    return new CountComments(comments);
  }

  @Bean
  FindTicket findTicket(KnownTickets knownTickets, TicketDirectory ticketDirectory) {
    return new FindTicket(knownTickets, ticketDirectory);
  }

  @Bean
  PostComment postComment(
      Comments comments,
      KnownTickets knownTickets,
      AuthorNames authorNames,
      CommentEvents events,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new PostComment(comments, knownTickets, authorNames, events, unitOfWork, clock);
  }

  @Bean
  EditComment editComment(
      Comments comments,
      AuthorNames authorNames,
      CommentEvents events,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new EditComment(comments, authorNames, events, unitOfWork, clock);
  }

  @Bean
  DeleteComment deleteComment(Comments comments, CommentEvents events, UnitOfWork unitOfWork) {
    return new DeleteComment(comments, events, unitOfWork);
  }

  @Bean
  LearnTicket learnTicket(KnownTickets knownTickets, Comments comments, UnitOfWork unitOfWork) {
    return new LearnTicket(knownTickets, comments, unitOfWork);
  }
}
