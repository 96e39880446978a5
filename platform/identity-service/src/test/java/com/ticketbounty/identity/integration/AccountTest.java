package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.SessionEnded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code /api/account}: read, profile update, password change. */
class AccountTest extends IdentityServiceTest {

  @Test
  void showsTheCallersAccount() {
    Api.Account account = api.signUp();

    JsonNode body =
        api.account(account.accessToken())
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(body.propertyNames())
        .containsExactly(
            "id", "username", "email", "role", "emailVerified", "notificationPreference");
    assertThat(body.get("id").asString()).isEqualTo(account.id().toString());
    assertThat(body.get("username").asString()).isEqualTo(account.username());
    assertThat(body.get("email").asString()).isEqualTo(account.email());
    assertThat(body.get("emailVerified").asBoolean()).isFalse();
    assertThat(body.get("notificationPreference").asString()).isEqualTo("immediate");
  }

  @Test
  void updatesTheProfileRaisesTheVersionAndPublishesItOnce() {
    Api.Account account = api.signUp();
    String name = "n" + UUID.randomUUID().toString().substring(0, 8);

    api.patchAccount(
            account.accessToken(),
            Map.of("username", name, "notificationPreference", "daily-digest"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo(name)
        .jsonPath("$.notificationPreference")
        .isEqualTo("daily-digest");
    api.patchAccount(account.accessToken(), Map.of("notificationPreference", "off"))
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo(name)
        .jsonPath("$.notificationPreference")
        .isEqualTo("off");
    // Nothing changes: no new version, no event.
    api.patchAccount(account.accessToken(), Map.of()).expectStatus().isOk();

    String id = account.id().toString();
    JsonNode second =
        events()
            .awaitOne(AccountProfileUpdated.NAME, field("userId", id).and(field("version", 3)))
            .data();
    assertThat(second.get("username").asString()).isEqualTo(name);
    assertThat(second.get("notificationPreference").asString()).isEqualTo("off");
    assertThat(second.get("updatedAt")).isNotNull();
    assertThat(events().all(AccountProfileUpdated.NAME, field("userId", id)))
        .extracting(event -> event.data().get("version").asLong())
        .containsExactly(2L, 3L);
    assertThat(
            jdbc.sql("SELECT version FROM users WHERE id = ?")
                .param(account.id())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void refusesATakenUsernameWith409() {
    Api.Account first = api.signUp();
    Api.Account second = api.signUp();

    expectProblem(
            api.patchAccount(
                second.accessToken(), Map.of("username", first.username().toUpperCase())),
            409)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"));
    // Keeping one's own name is no conflict.
    api.patchAccount(first.accessToken(), Map.of("username", first.username()))
        .expectStatus()
        .isOk();
  }

  @Test
  void refusesABrokenUsernameWith422AndAnUnknownPreferenceWith400() {
    Api.Account account = api.signUp();

    expectProblem(api.patchAccount(account.accessToken(), Map.of("username", "a b")), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"));
    expectProblem(
            api.patchAccount(account.accessToken(), Map.of("username", "admin\u202enimda")), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"));
    api.account(account.accessToken())
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo(account.username());
    expectProblem(
            api.patchAccount(account.accessToken(), Map.of("notificationPreference", "weekly")),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("notificationPreference");
    expectProblem(api.patchAccount(account.accessToken(), Map.of("username", 42)), 400);
  }

  @Test
  void changesThePasswordEndsEverySessionAndPublishesBoth() {
    Api.Account account = api.signUp();
    String other =
        api.signIn(account.email(), account.password())
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("accessToken")
            .asString();

    api.changePassword(
            account.accessToken(),
            Map.of("currentPassword", account.password(), "newPassword", "new-password-1"))
        .expectStatus()
        .isNoContent();

    expectProblem(api.account(account.accessToken()), 401);
    expectProblem(api.account(other), 401);
    api.signIn(account.email(), "new-password-1").expectStatus().isOk();

    String id = account.id().toString();
    JsonNode changed = events().awaitOne(PasswordChanged.NAME, field("userId", id)).data();
    assertThat(changed.get("how").asString()).isEqualTo("changed");
    assertThat(changed.get("email").asString()).isEqualTo(account.email());
    assertThat(changed.get("changedAt")).isNotNull();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> events().all(SessionEnded.NAME, field("userId", id)).size() == 2);
    assertThat(events().all(SessionEnded.NAME, field("userId", id)))
        .allMatch(event -> event.data().get("reason").asString().equals("password-changed"));
    assertThat(count("audit_log WHERE user_id = ? AND action = 'password-changed'", account.id()))
        .isEqualTo(1);
    // identity's own consumer of the event writes its audit row, once.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                count(
                        "audit_log WHERE user_id = ? AND action = 'password-change-announced'"
                            + " AND event_id IS NOT NULL",
                        account.id())
                    == 1);
  }

  @Test
  void refusesAWrongCurrentPasswordOrABrokenNewOneWith422() {
    Api.Account account = api.signUp();

    expectProblem(
            api.changePassword(
                account.accessToken(),
                Map.of("currentPassword", "not-it-at-all", "newPassword", "new-password-1")),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("currentPassword"));
    expectProblem(
            api.changePassword(
                account.accessToken(),
                Map.of("currentPassword", account.password(), "newPassword", "short")),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("newPassword"));
    api.account(account.accessToken()).expectStatus().isOk();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"currentPassword\":", "{\"newPassword\":12345678}"})
  void answersUnreadablePasswordChangeWith400(String body) {
    Api.Account account = api.signUp();
    expectProblem(api.changePassword(account.accessToken(), body), 400);
  }
}
