package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.notification.adapter.out.templates.MustacheEmailTemplates;
import com.ticketbounty.notification.application.AlertFunctionFailure;
import com.ticketbounty.notification.application.AlertUrgentTicket;
import com.ticketbounty.notification.application.ConfirmTicket;
import com.ticketbounty.notification.application.EmailAdminDigest;
import com.ticketbounty.notification.application.FindPendingDigests;
import com.ticketbounty.notification.application.InMemoryEmailSender;
import com.ticketbounty.notification.application.InMemoryPendingNotifications;
import com.ticketbounty.notification.application.InMemoryRecipients;
import com.ticketbounty.notification.application.InMemoryTicketParticipants;
import com.ticketbounty.notification.application.Notify;
import com.ticketbounty.notification.application.NotifyAssignee;
import com.ticketbounty.notification.application.NotifyCommentAudience;
import com.ticketbounty.notification.application.NotifyTicketParticipants;
import com.ticketbounty.notification.application.PostDigestToDiscord;
import com.ticketbounty.notification.application.RecordingChat;
import com.ticketbounty.notification.application.SendDigest;
import com.ticketbounty.notification.application.SendSecurityEmail;
import com.ticketbounty.notification.application.SendWelcome;
import com.ticketbounty.notification.application.TrackTicketCreation;
import com.ticketbounty.notification.domain.AccountNotices;
import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.DigestNotices;
import com.ticketbounty.notification.domain.TicketNotices;
import java.time.Duration;
import java.util.List;

/**
 * The service's functions on the event-runtime test kit, with in-memory ports and the real
 * templates: what a function test registers, sends and inspects.
 */
final class Workflows {
  static final String FROM = "TicketBounty <noreply@ticketbounty.local>";
  static final String APP = "https://app.example.com";

  /**
   * The runtime's default policy, not the service's longer provider-steps: these tests are about
   * what each function does, and the service's policy is checked where Spring builds it.
   */
  static final RetryPolicy RETRIES = RetryPolicy.DEFAULT;

  private static final MustacheEmailTemplates TEMPLATES = new MustacheEmailTemplates();

  final TestRuntime runtime;
  final InMemoryEmailSender emails = new InMemoryEmailSender();
  final InMemoryRecipients recipients = new InMemoryRecipients();
  final InMemoryTicketParticipants participants = new InMemoryTicketParticipants();
  final InMemoryPendingNotifications pending;
  final RecordingChat chat = new RecordingChat();
  final AppLinks links = new AppLinks(APP);
  final Notify notify;

  Workflows(TestRuntime runtime) {
    this.runtime = runtime;
    this.pending = new InMemoryPendingNotifications(runtime.clock());
    this.notify = new Notify(emails, TEMPLATES, pending, recipients, FROM, links);
  }

  WelcomeEmailFunction welcome(Duration delay) {
    return new WelcomeEmailFunction(
        new SendWelcome(notify, recipients, new AccountNotices(links)), delay, RETRIES);
  }

  SendSecurityEmail security() {
    return new SendSecurityEmail(notify, recipients, new AccountNotices(links));
  }

  TicketCreatedFunction ticketCreated() {
    return new TicketCreatedFunction(
        new ConfirmTicket(notify, recipients, new TicketNotices(links)),
        new TrackTicketCreation(chat),
        RETRIES);
  }

  UrgentTicketFunction urgentTicket() {
    return new UrgentTicketFunction(new AlertUrgentTicket(chat, links), RETRIES);
  }

  CommentPostedFunction commentPosted() {
    return new CommentPostedFunction(
        new NotifyCommentAudience(notify, recipients, participants, new TicketNotices(links)),
        RETRIES);
  }

  TicketAssignedFunction ticketAssigned() {
    return new TicketAssignedFunction(
        new NotifyAssignee(notify, participants, new TicketNotices(links)), RETRIES);
  }

  TicketUpdatedFunction ticketUpdated() {
    return new TicketUpdatedFunction(
        new NotifyTicketParticipants(notify, participants, new TicketNotices(links)), RETRIES);
  }

  AdminDigestEmailFunction adminDigestEmail() {
    return new AdminDigestEmailFunction(
        new EmailAdminDigest(notify, recipients, new DigestNotices(links)), RETRIES);
  }

  AdminDigestDiscordFunction adminDigestDiscord() {
    return new AdminDigestDiscordFunction(new PostDigestToDiscord(chat.discord()), RETRIES);
  }

  BatchDigestFunction batchDigest() {
    return new BatchDigestFunction(
        new FindPendingDigests(pending),
        new SendDigest(notify, recipients, pending, new DigestNotices(links)),
        RETRIES);
  }

  FunctionFailedFunction functionFailed() {
    return new FunctionFailedFunction(new AlertFunctionFailure(chat), RETRIES);
  }

  /** The idempotency key a step of {@code run} gets: {@code <run id>:<step key>}. */
  static String stepKey(RunRecord run, String step) {
    return run.id() + ":" + step;
  }

  /** The keys of the steps {@code run} recorded, in the order it recorded them. */
  List<String> stepKeys(RunRecord run) {
    return runtime.steps(run.id()).stream().map(StepRecord::key).toList();
  }

  StepRecord step(RunRecord run, String key) {
    return runtime.steps(run.id()).stream()
        .filter(step -> step.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("run " + run.id() + " has no step " + key));
  }
}
