package com.ticketbounty.comment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.integration.CommentApi.Sent;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;

/**
 * Bad input never produces a 5xx or a stack trace (API.md): seeded random bodies, query strings,
 * ids and headers across every comment endpoint. The seed is printed in each failure, so a failure
 * can be replayed.
 */
@ExtendWith(CommentServiceExtension.class)
class MalformedInputTest {
  private static final long SEED = 20261127L;
  private static final int REQUESTS = 400;
  private static final List<String> FRAGMENTS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ":",
          ",",
          "\"content\"",
          "\"",
          "null",
          "true",
          "-1",
          "1e999",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"é€😀\"",
          "{\"content\":",
          "\\",
          "\"x\"",
          " ",
          "0.5");

  private final RunningCommentService service;
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser ada;

  MalformedInputTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
  }

  @Test
  void noRandomRequestGetsAServerErrorOrAStackTrace() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String comment = api.posted(ticket, ada, "Target").get("id").asString();
    Random random = new Random(SEED);
    Set<Integer> statuses = new TreeSet<>();

    for (int i = 0; i < REQUESTS; i++) {
      Sent sent = api.send(randomRequest(random, ticket, comment));
      statuses.add(sent.status());

      assertThat(sent.status())
          .as("request %d of seed %d: %s", i, SEED, sent.request())
          .isLessThan(500);
      assertThat(sent.body())
          .as("request %d of seed %d: %s", i, SEED, sent.request())
          .doesNotContain("\tat ", "Exception", "com.ticketbounty");
    }
    // The generator reaches every kind of answer, so the loop above judged more than one path.
    assertThat(statuses).contains(200, 201, 400, 401, 404, 422);
  }

  private CommentApi.Request randomRequest(Random random, UUID ticket, String comment) {
    String id = random.nextBoolean() ? comment : randomId(random);
    String ticketId = random.nextBoolean() ? ticket.toString() : randomId(random);
    String authorization =
        switch (random.nextInt(4)) {
          case 0 -> null;
          case 1 -> "Bearer " + randomHeaderText(random, 12);
          default -> ada.bearer();
        };
    String key = random.nextInt(3) == 0 ? randomHeaderText(random, 300) : null;
    return switch (random.nextInt(4)) {
      case 0 ->
          new CommentApi.Request(
              HttpMethod.GET,
              "/api/tickets/" + ticketId + "/comments?" + randomQuery(random),
              authorization,
              key,
              null);
      case 1 ->
          new CommentApi.Request(
              HttpMethod.POST,
              "/api/tickets/" + ticketId + "/comments",
              authorization,
              key,
              randomBody(random));
      case 2 ->
          new CommentApi.Request(
              HttpMethod.PATCH, "/api/comments/" + id, authorization, key, randomBody(random));
      default ->
          new CommentApi.Request(
              HttpMethod.DELETE, "/api/comments/" + id, authorization, key, null);
    };
  }

  /** Half near-misses of a good body ({@code {"content": …}} with odd values), half debris. */
  private static String randomBody(Random random) {
    if (random.nextBoolean()) {
      String[] values = {
        "null",
        "42",
        "[]",
        "{}",
        "\"\"",
        "\"   \"",
        "\"\\u0000\"",
        "\"ok\"",
        "\"" + "z".repeat(1020 + random.nextInt(10)) + "\"",
        "\"" + randomText(random, 30).replace("\\", "").replace("\"", "") + "\""
      };
      return "{\"content\":" + values[random.nextInt(values.length)] + "}";
    }
    StringBuilder body = new StringBuilder();
    int parts = random.nextInt(8);
    for (int i = 0; i < parts; i++) {
      body.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
    }
    if (random.nextInt(10) == 0) {
      body.append("\"").append("y".repeat(random.nextInt(3000))).append("\"}");
    }
    return body.toString();
  }

  private static String randomQuery(Random random) {
    String[] names = {"limit", "cursor", "LIMIT", "other", ""};
    String name = names[random.nextInt(names.length)];
    return encode(name) + "=" + encode(randomText(random, 20));
  }

  private static String randomId(Random random) {
    return encode(randomText(random, 40));
  }

  /** Printable ASCII, and now and then anything else. */
  private static String randomText(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(
          random.nextInt(8) == 0
              ? (char) random.nextInt(0x3000)
              : (char) (0x20 + random.nextInt(95)));
    }
    return text.toString();
  }

  /** What a client can put in a header: visible ASCII, spaces, and Latin-1 beyond ASCII. */
  private static String randomHeaderText(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(
          random.nextInt(10) == 0
              ? (char) (0xA0 + random.nextInt(96))
              : (char) (0x20 + random.nextInt(95)));
    }
    return text.toString().strip();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
