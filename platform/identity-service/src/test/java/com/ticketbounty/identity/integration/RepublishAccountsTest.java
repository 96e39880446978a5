package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.testsupport.EventTap.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The accounts read models are rebuilt from identity: every account's profile goes out again as
 * {@code app/account.profile-updated} 1.1 (e-mail, role and whether it is verified included), at
 * its current version.
 */
class RepublishAccountsTest extends IdentityServiceTest {
  private static final String REPUBLISH = "/internal/identity/accounts/republish";

  @Test
  void anAdministratorRepublishesEveryAccountAtItsCurrentVersion() {
    Api.Account operator =
        api.signUpAdmin(
            "op" + UUID.randomUUID().toString().substring(0, 6), "operator@example.com");
    Api.Account ada = api.signUp();
    String renamed = "r" + UUID.randomUUID().toString().substring(0, 8);
    api.patchAccount(ada.accessToken(), Map.of("username", renamed)).expectStatus().isOk();
    long accounts = count("users");

    JsonNode answer =
        api.postWithoutBody(REPUBLISH, operator.accessToken())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(answer.get("republished").asLong()).isEqualTo(accounts);
    // Ada's rename published one profile at version 2; the republishing, a second one alike.
    List<Received> adas = profilesOf(ada, 2);
    assertThat(adas)
        .allSatisfy(
            event -> {
              assertThat(event.body().get("v").asString()).isEqualTo("1.1");
              assertThat(event.data().get("version").asLong()).isEqualTo(2);
              assertThat(event.data().get("username").asString()).isEqualTo(renamed);
              assertThat(event.data().get("email").asString()).isEqualTo(ada.email());
              assertThat(event.data().get("role").asString()).isEqualTo("USER");
              assertThat(event.data().get("emailVerified").asBoolean()).isFalse();
            });
    // The operator's verification published version 2 (an ADMIN from then on); the republishing,
    // the same again.
    assertThat(profilesOf(operator, 2))
        .hasSize(2)
        .allSatisfy(
            event -> {
              assertThat(event.body().get("v").asString()).isEqualTo("1.1");
              assertThat(event.data().get("version").asLong()).isEqualTo(2);
              assertThat(event.data().get("role").asString()).isEqualTo("ADMIN");
              assertThat(event.data().get("emailVerified").asBoolean()).isTrue();
            });
    assertThat(
            count(
                "audit_log WHERE user_id = ? AND action = 'accounts-republished' AND detail = ?",
                operator.id(),
                accounts + " accounts"))
        .isEqualTo(1);
  }

  @Test
  void onlyAnAdministratorRepublishes() {
    Api.Account user = api.signUp();

    expectProblem(api.postWithoutBody(REPUBLISH, user.accessToken()), 403);
    client.post().uri(REPUBLISH).exchange().expectStatus().isUnauthorized();
    assertThat(events().all(AccountProfileUpdated.NAME, field("userId", user.id()))).isEmpty();
  }

  /** Waits for {@code expected} profile events of the account and answers them. */
  private static List<Received> profilesOf(Api.Account account, int expected) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> events().all(AccountProfileUpdated.NAME, field("userId", account.id())),
            events -> events.size() >= expected);
  }
}
