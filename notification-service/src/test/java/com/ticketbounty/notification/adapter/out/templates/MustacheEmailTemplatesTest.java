package com.ticketbounty.notification.adapter.out.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.ticketbounty.notification.application.EmailBodies;
import com.ticketbounty.notification.domain.AccountNotices;
import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.DigestFigures;
import com.ticketbounty.notification.domain.DigestFigures.Count;
import com.ticketbounty.notification.domain.DigestNotices;
import com.ticketbounty.notification.domain.EmailTemplate;
import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.PostedComment;
import com.ticketbounty.notification.domain.QueuedNotice;
import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.notification.domain.TicketChange;
import com.ticketbounty.notification.domain.TicketNotices;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every e-mail's pair of template files, rendered from the notices that use them. */
class MustacheEmailTemplatesTest {
  private static final AppLinks LINKS = new AppLinks("https://app.example.com");
  private static final String SETTINGS = "https://app.example.com/settings/notifications";
  private static final UUID TICKET = UUID.fromString("0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c");
  private static final Recipient ADA =
      new Recipient(UUID.randomUUID(), "ada@example.com", "ada", NotificationPreference.IMMEDIATE);
  private static final Instant AT = Instant.parse("2030-01-01T10:15:00Z");

  private final MustacheEmailTemplates templates = new MustacheEmailTemplates();

  /** A notice of every kind, as the service builds them. */
  private static Map<EmailTemplate, Notice> everyNotice(String title) {
    AccountNotices account = new AccountNotices(LINKS);
    TicketNotices tickets = new TicketNotices(LINKS);
    DigestNotices digests = new DigestNotices(LINKS);
    Map<EmailTemplate, Notice> notices = new EnumMap<>(EmailTemplate.class);
    notices.put(EmailTemplate.WELCOME, account.welcome());
    notices.put(EmailTemplate.VERIFICATION_CODE, account.verificationCode("QWERTYUI", AT));
    notices.put(
        EmailTemplate.PASSWORD_RESET,
        account.passwordReset("https://app.example.com/password/reset?token=t0k3n", AT));
    notices.put(EmailTemplate.PASSWORD_CHANGED, account.passwordChanged("reset", AT));
    notices.put(EmailTemplate.TICKET_CONFIRMATION, tickets.confirmation(TICKET, title));
    notices.put(
        EmailTemplate.COMMENT_POSTED,
        tickets.commentPosted(new PostedComment(TICKET, title, "bob", "Looks good"), true));
    notices.put(EmailTemplate.TICKET_ASSIGNED, tickets.assigned(TICKET, title));
    notices.put(
        EmailTemplate.TICKET_UPDATED,
        tickets.updated(new TicketChange(TICKET, title, List.of("status"), "DONE")));
    notices.put(
        EmailTemplate.ADMIN_DIGEST,
        digests.adminDigest(
            new DigestFigures(AT, AT, new Count(1, 1), new Count(2, 2), new Count(3, 3))));
    notices.put(
        EmailTemplate.BATCH_DIGEST,
        digests.batchDigest(
            List.of(
                new QueuedNotice(1, "Ticket created: " + title, LINKS.ticket(TICKET), AT),
                new QueuedNotice(2, "Something without a page", null, AT))));
    return notices;
  }

  @Test
  void hasANoticeForEveryTemplate() {
    assertThat(everyNotice("x").keySet()).containsExactly(EmailTemplate.values());
  }

  @TestFactory
  Stream<DynamicTest> rendersBothBodiesOfEveryEmailWithTheSettingsLinkUnlessSecurity() {
    return everyNotice("Fix the login page").values().stream()
        .map(
            notice ->
                DynamicTest.dynamicTest(
                    notice.template().fileName(),
                    () -> {
                      EmailBodies bodies = render(notice);
                      assertThat(bodies.html()).isNotBlank();
                      assertThat(bodies.text()).isNotBlank();
                      if (notice.security()) {
                        assertThat(bodies.html() + bodies.text()).doesNotContain(SETTINGS);
                      } else {
                        assertThat(bodies.html()).contains("href=\"" + SETTINGS + "\"");
                        assertThat(bodies.text()).contains(SETTINGS);
                      }
                    }));
  }

  @Test
  void showsTheTicketTitleAndLinkInTheTicketEmails() {
    for (EmailTemplate template :
        List.of(
            EmailTemplate.TICKET_CONFIRMATION,
            EmailTemplate.COMMENT_POSTED,
            EmailTemplate.TICKET_ASSIGNED,
            EmailTemplate.TICKET_UPDATED)) {
      EmailBodies bodies = render(everyNotice("Fix the login page").get(template));
      String link = "https://app.example.com/tickets/" + TICKET;
      assertThat(bodies.html()).as(template.fileName()).contains("Fix the login page", link);
      assertThat(bodies.text()).as(template.fileName()).contains("Fix the login page", link);
    }
  }

  @Test
  void carriesTheSecretOfEachSecurityEmail() {
    Map<EmailTemplate, Notice> notices = everyNotice("x");

    assertThat(render(notices.get(EmailTemplate.VERIFICATION_CODE)).text()).contains("QWERTYUI");
    EmailBodies reset = render(notices.get(EmailTemplate.PASSWORD_RESET));
    assertThat(reset.text()).contains("https://app.example.com/password/reset?token=t0k3n");
    // HTML-escaped in the attribute (= as &#x3D;), which a mail client reads back as "=".
    assertThat(reset.html())
        .contains("href=\"https://app.example.com/password/reset?token&#x3D;t0k3n\"");
    assertThat(render(notices.get(EmailTemplate.PASSWORD_CHANGED)).text())
        .contains("reset with a reset link", "2030-01-01 10:15 UTC");
  }

  @Test
  void listsEveryQueuedNotificationOfABatchDigest() {
    EmailBodies bodies = render(everyNotice("Fix the login page").get(EmailTemplate.BATCH_DIGEST));

    assertThat(bodies.html())
        .contains("<a href=\"https://app.example.com/tickets/" + TICKET + "\">Ticket created: Fix")
        .contains("Something without a page");
    assertThat(bodies.text()).contains("- Ticket created: Fix the login page", "2 notifications");
  }

  @Test
  void escapesMarkupInUserTextOfTheHtmlBodyOnly() {
    String title = "<script>alert(\"x\")</script> & <b>bold</b>";
    EmailBodies bodies = render(everyNotice(title).get(EmailTemplate.TICKET_CONFIRMATION));

    assertThat(bodies.html())
        .doesNotContain("<script>", "<b>")
        .contains(
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    assertThat(bodies.text()).contains(title);
  }

  @Test
  void refusesToRenderWithAValueMissing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> templates.render(EmailTemplate.TICKET_CONFIRMATION, Map.of()))
        .withMessageContaining("ticket-confirmation");
  }

  private EmailBodies render(Notice notice) {
    return templates.render(notice.template(), notice.valuesFor(ADA, LINKS));
  }
}
