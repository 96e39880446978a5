package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/auth/sign-up}: the account, its session, its events, and every refusal. */
class SignUpTest extends IdentityServiceTest {

  @Test
  void signsUpWith201TheUserAndBothTokens() {
    String name = "Ada" + UUID.randomUUID().toString().substring(0, 6);
    JsonNode body =
        api.post(
                "/api/auth/sign-up",
                Map.of(
                    "username",
                    name,
                    "email",
                    " " + name + "@Example.COM",
                    "password",
                    "s3cret-pw"))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(body.propertyNames())
        .containsExactly("user", "accessToken", "refreshToken", "expiresIn");
    assertThat(body.get("user").propertyNames()).containsExactly("id", "username", "email", "role");
    assertThat(body.get("user").get("username").asString()).isEqualTo(name);
    assertThat(body.get("user").get("email").asString())
        .isEqualTo(name.toLowerCase() + "@example.com");
    assertThat(body.get("user").get("role").asString()).isEqualTo("USER");
    assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(body.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43,}");
    api.account(body.get("accessToken").asString()).expectStatus().isOk();

    String id = body.get("user").get("id").asString();
    Map<String, Object> row =
        jdbc.sql("SELECT email, password_hash, version FROM users WHERE id = ?::uuid")
            .param(id)
            .query()
            .singleRow();
    assertThat(row.get("password_hash").toString()).startsWith("$argon2id$");
    assertThat(row).containsEntry("version", 1L);
  }

  @Test
  void publishesAccountCreatedAndTheWelcomeEmailOnce() {
    Api.Account account = api.signUp();
    String id = account.id().toString();

    JsonNode created = events().awaitOne(AccountCreated.NAME, field("userId", id)).body();
    JsonNode data = created.get("data");
    assertThat(created.get("v").asString()).isEqualTo("1.0");
    assertThat(created.get("user").get("id").asString()).isEqualTo(id);
    assertThat(data.get("username").asString()).isEqualTo(account.username());
    assertThat(data.get("email").asString()).isEqualTo(account.email());
    assertThat(data.get("role").asString()).isEqualTo("USER");
    assertThat(data.get("notificationPreference").asString()).isEqualTo("immediate");
    assertThat(data.get("version").asLong()).isEqualTo(1);
    assertThat(data.get("createdAt")).isNotNull();

    JsonNode welcome = events().awaitOne(WelcomeEmailRequested.NAME, field("userId", id)).data();
    assertThat(welcome.get("email").asString()).isEqualTo(account.email());
    assertThat(welcome.get("username").asString()).isEqualTo(account.username());

    assertThat(outboxRows(AccountCreated.NAME, id)).isEqualTo(1);
    assertThat(outboxRows(WelcomeEmailRequested.NAME, id)).isEqualTo(1);
    assertThat(events().all(AccountCreated.NAME, field("userId", id))).hasSize(1);
  }

  @Test
  void signsUpAConfiguredAdminAddressAsAUserUntilItIsVerified() {
    Api.Account chief =
        api.signUp("chief" + UUID.randomUUID().toString().substring(0, 4), "chief@example.com");

    api.account(chief.accessToken()).expectBody().jsonPath("$.role").isEqualTo("USER");
    assertThat(
            events()
                .awaitOne(AccountCreated.NAME, field("userId", chief.id()))
                .data()
                .get("role")
                .asString())
        .isEqualTo("USER");
    assertThat(count("users WHERE id = ? AND role = 'USER'", chief.id())).isEqualTo(1);
  }

  @Test
  void refusesATakenEmailOrUsernameWith409NamingIt() {
    Api.Account taken = api.signUp();
    String other = "o" + UUID.randomUUID().toString().substring(0, 8);

    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of(
                    "username",
                    other,
                    "email",
                    taken.email().toUpperCase(),
                    "password",
                    "pw-12345")),
            409)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("email"));
    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of(
                    "username",
                    taken.username().toUpperCase(),
                    "email",
                    other + "@example.com",
                    "password",
                    "pw-12345")),
            409)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"));
    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of(
                    "username", taken.username(), "email", taken.email(), "password", "pw-12345")),
            409)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username", "email"));
    assertThat(count("users WHERE email = ?", other + "@example.com")).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ab|ok@example.com|password1|username",
        "abcdefghijklmnopqrstu|ok@example.com|password1|username",
        "has space|ok@example.com|password1|username",
        "fine-name|not-an-address|password1|email",
        "fine-name|two@@example.com|password1|email",
        "fine-name|nodot@example|password1|email",
        "fine-name|ok@example.com|short7!|password",
        "fine-name|ok@example.com|has space 1|password"
      })
  void refusesEachBrokenRuleWith422NamingTheField(
      String username, String email, String password, String field) {
    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of("username", username, "email", email, "password", password)),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of(field));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero\u200bwidth", "rtl\u202eevil", "bell\u0007x", "nul\u0000x"})
  void refusesControlAndFormatCharactersInAUsernameWith422(String username) {
    String email = "cf" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of("username", username, "email", email, "password", "password1")),
            422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"))
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not contain control or format characters");
    assertThat(count("users WHERE email = ?", email)).isZero();
  }

  @Test
  void storesUsernamesInNfcSoADecomposedSpellingOfATakenNameIsTaken() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String composed = "Jos\u00e9" + suffix;
    String decomposed = "Jose\u0301" + suffix;

    Api.Account first = api.signUp(decomposed, "nfc-" + suffix + "@example.com");

    assertThat(first.username()).isEqualTo(composed);
    assertThat(
            jdbc.sql("SELECT username FROM users WHERE id = ?")
                .param(first.id())
                .query(String.class)
                .single())
        .isEqualTo(composed);
    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of(
                    "username",
                    composed.toUpperCase(),
                    "email",
                    "nfc2-" + suffix + "@example.com",
                    "password",
                    "password1")),
            409)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"));
  }

  @Test
  void aNameStoredDecomposedBeforeStillTakesItsNfcSpelling() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    Api.Account old = api.signUp();
    // As a version that did not normalise stored it.
    jdbc.sql("UPDATE users SET username = ? WHERE id = ?")
        .params("Rene\u0301" + suffix, old.id())
        .update();

    expectProblem(
            api.post(
                "/api/auth/sign-up",
                Map.of(
                    "username",
                    "Ren\u00e9" + suffix,
                    "email",
                    "rene-" + suffix + "@example.com",
                    "password",
                    "password1")),
            409)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username"));
    api.account(old.accessToken()).expectStatus().isOk();
  }

  @Test
  void listsEveryBrokenFieldAtOnce() {
    expectProblem(api.post("/api/auth/sign-up", Map.of()), 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("username", "email", "password"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"username\":",
        "not json",
        "[]",
        "{\"username\":123,\"email\":\"a@b.co\",\"password\":\"password1\"}",
        "{\"username\":\"abc\",\"email\":[\"a@b.co\"],\"password\":\"password1\"}",
        "{\"username\":\"abc\",\"email\":\"a@b.co\",\"password\":true}"
      })
  void answersUnreadableBodiesWith400(String body) {
    expectProblem(api.post("/api/auth/sign-up", body), 400);
  }

  private long outboxRows(String name, String aggregate) {
    return count(
        "event_runtime.outbox WHERE event_name = ? AND aggregate_key = ?", name, aggregate);
  }
}
