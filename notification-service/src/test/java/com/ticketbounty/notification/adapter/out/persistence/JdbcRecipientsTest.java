package com.ticketbounty.notification.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.application.AccountChange;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JdbcRecipientsTest {
  private static final TestDatabase DATABASE = MigratedDatabase.create("notification_recipients");

  private final JdbcRecipients recipients = new JdbcRecipients(DATABASE.dataSource());

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void knowsAnAccountFromItsCreation() {
    UUID id = UUID.randomUUID();

    recipients.learn(created(id, "ada", "ada@example.com"));

    assertThat(recipients.find(id))
        .contains(new Recipient(id, "ada@example.com", "ada", NotificationPreference.IMMEDIATE));
  }

  @Test
  void keepsTheAddressRoleAndVerificationThatA10ProfileUpdateLeavesOut() {
    UUID id = UUID.randomUUID();
    recipients.learn(created(id, "ada", "ada@example.com"));

    recipients.learn(new AccountChange(id, "ada2", "off", 2, null, null, null));

    assertThat(recipients.find(id))
        .contains(new Recipient(id, "ada@example.com", "ada2", NotificationPreference.OFF));
  }

  @Test
  void dropsAStaleVersion() {
    UUID id = UUID.randomUUID();
    recipients.learn(
        new AccountChange(id, "new", "daily-digest", 3, "new@example.com", "USER", true));

    recipients.learn(created(id, "old", "old@example.com"));
    recipients.learn(new AccountChange(id, "older", "off", 2, "x@example.com", "ADMIN", false));

    assertThat(recipients.find(id))
        .contains(new Recipient(id, "new@example.com", "new", NotificationPreference.DAILY_DIGEST));
    assertThat(recipients.verifiedAdmins()).extracting(Recipient::userId).doesNotContain(id);
  }

  @Test
  void isNoRecipientUntilAnEventCarriedItsAddressAndTheRepublishFillsIt() {
    UUID id = UUID.randomUUID();
    recipients.learn(new AccountChange(id, "ada", "immediate", 2, null, null, null));
    assertThat(recipients.find(id)).isEmpty();

    // The republish: profile-updated 1.1 at the version the account has.
    recipients.learn(new AccountChange(id, "ada", "immediate", 2, "ada@example.com", "USER", true));

    assertThat(recipients.find(id)).map(Recipient::email).contains("ada@example.com");
  }

  @Test
  void listsOnlyVerifiedAdministrators() {
    UUID verified = UUID.randomUUID();
    UUID unverified = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    recipients.learn(new AccountChange(verified, "root", "immediate", 2, "r@x.io", "ADMIN", true));
    recipients.learn(new AccountChange(unverified, "op", "immediate", 1, "o@x.io", "ADMIN", false));
    recipients.learn(new AccountChange(user, "usr", "immediate", 2, "u@x.io", "USER", true));

    assertThat(recipients.verifiedAdmins())
        .extracting(Recipient::userId)
        .contains(verified)
        .doesNotContain(unverified, user);
  }

  @Test
  void findsSeveralAtOnceLeavingOutTheUnknown() {
    UUID ada = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    recipients.learn(created(ada, "ada", "ada@example.com"));
    recipients.learn(created(bob, "bob", "bob@example.com"));

    assertThat(recipients.findAll(List.of(ada, bob, UUID.randomUUID())).keySet())
        .containsExactlyInAnyOrder(ada, bob);
  }

  @Test
  void givesItsConnectionBackAfterFindingSeveral() {
    UUID ada = UUID.randomUUID();
    recipients.learn(created(ada, "ada", "ada@example.com"));
    HikariConfig config = new HikariConfig();
    config.setDataSource(DATABASE.dataSource());
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(1_000);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcRecipients pooled = new JdbcRecipients(pool);

      for (int i = 0; i < 3; i++) {
        assertThat(pooled.findAll(List.of(ada))).containsOnlyKeys(ada);
      }
    }
  }

  private static AccountChange created(UUID id, String username, String email) {
    return new AccountChange(id, username, "immediate", 1, email, "USER", false);
  }
}
