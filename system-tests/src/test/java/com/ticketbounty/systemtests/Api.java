package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The frontend's view of API.md, against one base URL (the gateway, or a service directly). */
final class Api {
  static final String PASSWORD = "correct-horse-battery";

  /** The 8-letter verification code: eight capitals standing alone in the e-mail's text. */
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z])([A-Z]{8})(?![A-Za-z])");

  private final String base;

  Api(String base) {
    this.base = base;
  }

  Http call(String method, String path) {
    return Http.request(method, base + path);
  }

  /** A new account with a unique username starting with {@code name}, signed in. */
  Account signUp(String name) throws IOException, InterruptedException {
    String username = unique(name);
    return signUp(username, username + "@example.com");
  }

  Account signUp(String username, String email) throws IOException, InterruptedException {
    Http.Reply reply =
        call("POST", "/api/auth/sign-up")
            .json(Map.of("username", username, "email", email, "password", PASSWORD))
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    JsonNode body = reply.json();
    return new Account(
        body.at("/user/id").asString(),
        username,
        email.toLowerCase(Locale.ROOT),
        body.at("/user/role").asString(),
        body.at("/accessToken").asString(),
        body.at("/refreshToken").asString());
  }

  Account signIn(Account account, String password) throws IOException, InterruptedException {
    Http.Reply reply =
        call("POST", "/api/auth/sign-in")
            .json(Map.of("email", account.email(), "password", password))
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return account.withTokens(reply.text("/accessToken"), reply.text("/refreshToken"));
  }

  /** Where a test reads what an address was e-mailed, oldest first: a provider's or the sink. */
  interface Mailbox {
    List<String> texts(String address) throws Exception;
  }

  /**
   * Verifies the account's address as its owner would: asks for a code, reads it from the e-mail
   * that arrives in {@code mailbox}, sends it back, and signs in again (a new token carries a role
   * granted on verification).
   */
  Account verify(Account account, Mailbox mailbox) throws Exception {
    int before = mailbox.texts(account.email()).size();
    Http.Reply asked =
        call("POST", "/api/auth/email/verification").bearer(account.accessToken()).send();
    assertThat(asked.status()).as("%s", asked).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> mailbox.texts(account.email()).size() > before);
    String text = mailbox.texts(account.email()).get(before);
    Matcher code = CODE.matcher(text);
    assertThat(code.find()).as("a code in %s", text).isTrue();
    Http.Reply verified =
        call("POST", "/api/auth/email/verify")
            .bearer(account.accessToken())
            .json(Map.of("code", code.group(1)))
            .send();
    assertThat(verified.status()).as("%s", verified).isEqualTo(204);
    Http.Reply reply =
        call("POST", "/api/auth/sign-in")
            .json(Map.of("email", account.email(), "password", PASSWORD))
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return new Account(
        account.id(),
        account.username(),
        account.email(),
        reply.text("/user/role"),
        reply.text("/accessToken"),
        reply.text("/refreshToken"));
  }

  String openTicket(Account owner, String title) throws IOException, InterruptedException {
    Http.Reply reply =
        call("POST", "/api/tickets").bearer(owner.accessToken()).json(ticket(title)).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("/id");
  }

  String postComment(Account author, String ticketId, String content)
      throws IOException, InterruptedException {
    Http.Reply reply =
        call("POST", "/api/tickets/" + ticketId + "/comments")
            .bearer(author.accessToken())
            .json(Map.of("content", content))
            .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("/id");
  }

  static Map<String, Object> ticket(String title) {
    return Map.of(
        "title", title,
        "content", "It is broken.",
        "deadline", "2030-01-31",
        "bounty", 1500,
        "priority", "high");
  }

  /** At most 20 characters, as usernames must be. */
  static String unique(String name) {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    return (name.length() > 11 ? name.substring(0, 11) : name) + "_" + suffix;
  }

  record Account(
      String id,
      String username,
      String email,
      String role,
      String accessToken,
      String refreshToken) {
    Account withTokens(String access, String refresh) {
      return new Account(id, username, email, role, access, refresh);
    }
  }
}
