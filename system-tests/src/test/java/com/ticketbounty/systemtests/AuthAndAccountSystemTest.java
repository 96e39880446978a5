package com.ticketbounty.systemtests;

import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Every row of API.md's "Auth and account" table, through the gateway of the run command. */
@ExtendWith(SharedSystem.class)
class AuthAndAccountSystemTest {
  private static Api api;
  private static EventTap events;

  @BeforeAll
  static void tap() {
    api = SharedSystem.api();
    // The system declared its exchange; a tap that finds none fails here rather than waits.
    events =
        EventTap.open(
                TestRabbit.connectionFactory("127.0.0.1", 5672),
                SharedSystem.system().instance() + ".events",
                List.of(
                    "app/password.password-reset-function",
                    "app/auth.send-email-verification-code-function"))
            .openingWith(DevelopmentKey::open);
  }

  @AfterAll
  static void closeTap() throws IOException {
    if (events != null) {
      events.close();
    }
  }

  @Test
  void signUpAnswersTheUserAndTokens() throws Exception {
    String username = Api.unique("signup");
    Http.Reply reply =
        api.call("POST", "/api/auth/sign-up")
            .json(
                Map.of(
                    "username",
                    username,
                    "email",
                    username + "@Example.com",
                    "password",
                    Api.PASSWORD))
            .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    JsonNode body = reply.json();
    assertThat(body.at("/user/username").asString()).isEqualTo(username);
    assertThat(body.at("/user/email").asString()).isEqualTo(username + "@example.com");
    assertThat(body.at("/user/role").asString()).isEqualTo("USER");
    assertThat(body.at("/expiresIn").asInt()).isEqualTo(900);
    assertThat(body.at("/accessToken").asString()).isNotBlank();
    assertThat(body.at("/refreshToken").asString()).isNotBlank();
  }

  @Test
  void anAdminEmailGetsTheAdminRoleOnlyOnceVerified() throws Exception {
    Account admin = api.signUp("admin", SharedSystem.ADMIN_EMAIL);
    assertThat(admin.role()).as("not verified yet").isEqualTo("USER");

    Account verified = api.verify(admin, SharedSystem.providers());

    assertThat(verified.role()).isEqualTo("ADMIN");
  }

  @Test
  void signUpWithATakenUsernameOrEmailIsAConflict() throws Exception {
    Account ada = api.signUp("ada");

    Http.Reply sameName =
        api.call("POST", "/api/auth/sign-up")
            .json(
                Map.of(
                    "username",
                    ada.username(),
                    "email",
                    "other-" + ada.email(),
                    "password",
                    Api.PASSWORD))
            .send();
    Http.Reply sameEmail =
        api.call("POST", "/api/auth/sign-up")
            .json(
                Map.of(
                    "username",
                    Api.unique("other"),
                    "email",
                    ada.email(),
                    "password",
                    Api.PASSWORD))
            .send();

    assertThat(sameName.status()).as("%s", sameName).isEqualTo(409);
    assertThat(sameEmail.status()).as("%s", sameEmail).isEqualTo(409);
  }

  @Test
  void signUpNamesEveryBrokenRule() throws Exception {
    Http.Reply reply =
        api.call("POST", "/api/auth/sign-up")
            .json(Map.of("username", "a b", "email", "not-an-email", "password", "short"))
            .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(422);
    assertThat(reply.json().findValuesAsString("field")).contains("username", "email", "password");
  }

  @Test
  void signInAnswersTokensAndOneMessageForEveryFailure() throws Exception {
    Account bob = api.signUp("bob");

    Http.Reply ok =
        api.call("POST", "/api/auth/sign-in")
            .json(Map.of("email", bob.email(), "password", Api.PASSWORD))
            .send();
    Http.Reply wrongPassword =
        api.call("POST", "/api/auth/sign-in")
            .json(Map.of("email", bob.email(), "password", "wrong-password"))
            .send();
    Http.Reply unknown =
        api.call("POST", "/api/auth/sign-in")
            .json(Map.of("email", "nobody-" + bob.email(), "password", "wrong-password"))
            .send();

    assertThat(ok.status()).as("%s", ok).isEqualTo(200);
    assertThat(ok.text("/user/id")).isEqualTo(bob.id());
    assertThat(ok.json().at("/expiresIn").asInt()).isEqualTo(900);
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(withoutInstance(unknown.json())).isEqualTo(withoutInstance(wrongPassword.json()));
  }

  @Test
  void aRefreshTokenReusedAfterTheGraceWindowEndsTheSession() throws Exception {
    Account carol = api.signUp("carol");

    Http.Reply first =
        api.call("POST", "/api/auth/refresh")
            .json(Map.of("refreshToken", carol.refreshToken()))
            .send();
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.json().at("/expiresIn").asInt()).isEqualTo(900);
    assertThat(first.text("/refreshToken")).isNotEqualTo(carol.refreshToken());
    String refreshed = first.text("/accessToken");
    assertThat(account(refreshed).status()).isEqualTo(200);

    // Within the grace window (10 s) a second use is another tab refreshing at once and gets a
    // pair of its own; after it, a spent token presented again means it was stolen: the whole
    // session ends.
    Http.Reply again =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () ->
                    api.call("POST", "/api/auth/refresh")
                        .json(Map.of("refreshToken", carol.refreshToken()))
                        .send(),
                reply -> reply.status() != 200);

    assertThat(again.status()).as("%s", again).isEqualTo(401);
    awaitRefused(refreshed);
  }

  @Test
  void signOutEndsTheSessionEverywhere() throws Exception {
    Account dave = api.signUp("dave");
    assertThat(account(dave.accessToken()).status()).isEqualTo(200);

    Http.Reply out = api.call("POST", "/api/auth/sign-out").bearer(dave.accessToken()).send();

    assertThat(out.status()).as("%s", out).isEqualTo(204);
    awaitRefused(dave.accessToken());
    Http.Reply refresh =
        api.call("POST", "/api/auth/refresh")
            .json(Map.of("refreshToken", dave.refreshToken()))
            .send();
    assertThat(refresh.status()).isEqualTo(401);
  }

  @Test
  void forgotPasswordAnswersTheSameWhetherOrNotTheAccountExists() throws Exception {
    Account erin = api.signUp("erin");

    Http.Reply known =
        api.call("POST", "/api/auth/password/forgot").json(Map.of("email", erin.email())).send();
    Http.Reply unknown =
        api.call("POST", "/api/auth/password/forgot")
            .json(Map.of("email", "nobody-" + erin.email()))
            .send();

    assertThat(known.status()).isEqualTo(202);
    assertThat(unknown.status()).isEqualTo(202);
    assertThat(unknown.body()).isEqualTo(known.body());
  }

  @Test
  void aResetLinkSetsANewPasswordOnceAndEndsTheOldSessions() throws Exception {
    Account frank = api.signUp("frank");
    api.call("POST", "/api/auth/password/forgot").json(Map.of("email", frank.email())).send();
    String link =
        events
            .awaitOne("app/password.password-reset-function", field("userId", frank.id()))
            .data()
            .path("resetLink")
            .asString();
    String token = link.substring(link.lastIndexOf('/') + 1);

    Http.Reply reset =
        api.call("POST", "/api/auth/password/reset")
            .json(Map.of("token", token, "password", "brand-new-password"))
            .send();
    Http.Reply again =
        api.call("POST", "/api/auth/password/reset")
            .json(Map.of("token", token, "password", "another-password"))
            .send();

    assertThat(reset.status()).as("%s", reset).isEqualTo(200);
    assertThat(reset.json().at("/expiresIn").asInt()).isEqualTo(900);
    assertThat(account(reset.text("/accessToken")).status()).isEqualTo(200);
    assertThat(again.status()).as("%s", again).isBetween(400, 422);
    awaitRefused(frank.accessToken());
    api.signIn(frank, "brand-new-password");
  }

  @Test
  void aMailedCodeVerifiesTheEmail() throws Exception {
    Account grace = api.signUp("grace");

    Http.Reply requested =
        api.call("POST", "/api/auth/email/verification").bearer(grace.accessToken()).send();
    String code =
        events
            .awaitOne("app/auth.send-email-verification-code-function", field("userId", grace.id()))
            .data()
            .path("code")
            .asString();
    Http.Reply wrong =
        api.call("POST", "/api/auth/email/verify")
            .bearer(grace.accessToken())
            .json(Map.of("code", code.equals("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA"))
            .send();
    Http.Reply verified =
        api.call("POST", "/api/auth/email/verify")
            .bearer(grace.accessToken())
            .json(Map.of("code", code))
            .send();

    assertThat(requested.status()).as("%s", requested).isEqualTo(202);
    assertThat(code).matches("[A-Z]{8}");
    assertThat(wrong.status()).as("%s", wrong).isEqualTo(422);
    assertThat(verified.status()).as("%s", verified).isEqualTo(204);
    assertThat(account(grace.accessToken()).json().at("/emailVerified").asBoolean()).isTrue();
  }

  @Test
  void theAccountCanBeReadAndItsProfileChanged() throws Exception {
    Account heidi = api.signUp("heidi");

    Http.Reply read = account(heidi.accessToken());
    String newName = Api.unique("heidi2");
    Http.Reply patched =
        api.call("PATCH", "/api/account")
            .bearer(heidi.accessToken())
            .json(Map.of("username", newName, "notificationPreference", "daily-digest"))
            .send();

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("/id")).isEqualTo(heidi.id());
    assertThat(read.text("/email")).isEqualTo(heidi.email());
    assertThat(read.text("/notificationPreference")).isEqualTo("immediate");
    assertThat(read.json().at("/emailVerified").asBoolean()).isFalse();
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    assertThat(patched.text("/username")).isEqualTo(newName);
    assertThat(account(heidi.accessToken()).text("/notificationPreference"))
        .isEqualTo("daily-digest");
  }

  @Test
  void changingThePasswordEndsTheSessionAndTheNewOneSignsIn() throws Exception {
    Account ivan = api.signUp("ivan");

    Http.Reply wrongCurrent =
        api.call("PUT", "/api/account/password")
            .bearer(ivan.accessToken())
            .json(Map.of("currentPassword", "not-my-password", "newPassword", "an-even-better-one"))
            .send();
    Http.Reply changed =
        api.call("PUT", "/api/account/password")
            .bearer(ivan.accessToken())
            .json(Map.of("currentPassword", Api.PASSWORD, "newPassword", "an-even-better-one"))
            .send();

    assertThat(wrongCurrent.status()).as("%s", wrongCurrent).isBetween(400, 422);
    assertThat(changed.status()).as("%s", changed).isEqualTo(204);
    awaitRefused(ivan.accessToken());
    api.signIn(ivan, "an-even-better-one");
  }

  @Test
  void theJwksPublishesTheSigningKeys() throws Exception {
    Http.Reply jwks = api.call("GET", "/.well-known/jwks.json").send();

    assertThat(jwks.status()).isEqualTo(200);
    JsonNode key = jwks.json().at("/keys/0");
    assertThat(key.path("kid").asString()).isNotBlank();
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.has("d")).as("no private part").isFalse();
  }

  private static Http.Reply account(String accessToken) throws Exception {
    return api.call("GET", "/api/account").bearer(accessToken).send();
  }

  /** Once app/auth.session-ended has been consumed, the token is refused (401). */
  private static void awaitRefused(String accessToken) {
    await().atMost(Duration.ofSeconds(30)).until(() -> account(accessToken).status() == 401);
  }

  private static JsonNode withoutInstance(JsonNode problem) {
    JsonNode copy = problem.deepCopy();
    ((tools.jackson.databind.node.ObjectNode) copy).remove("instance");
    return copy;
  }
}
