package com.ticketbounty.reliability.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's operations API (API.md, "Operations") as an operator reads it, with an ADMIN's
 * token: runs not finished and live dead letters across every service. The suite's ADMIN is an
 * {@code ADMIN_EMAILS} address that signs up and verifies its address with the code the recording
 * provider received, as its owner would.
 */
final class OperationsApi {
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z])([A-Z]{8})(?![A-Za-z])");
  private static final List<String> UNFINISHED =
      List.of("queued", "running", "sleeping", "waiting");
  private static final Duration CODE_LIMIT = Duration.ofMinutes(1);

  private final Frontend frontend;
  private final String adminToken;

  private OperationsApi(Frontend frontend, String adminToken) {
    this.frontend = frontend;
    this.adminToken = adminToken;
  }

  /** Signs {@code email} (one of ADMIN_EMAILS) up, verifies it and signs in as ADMIN. */
  static OperationsApi signInAdmin(Frontend frontend, RecordingProvider provider, String email)
      throws InterruptedException {
    String username = email.substring(0, email.indexOf('@'));
    Frontend.Answer signedUp = frontend.signUp(username).join();
    require(signedUp, 201, "signing the ADMIN up");
    String token = signedUp.text("/accessToken");
    require(
        frontend.send("POST", "/api/auth/email/verification", token, Map.of()).join(),
        202,
        "asking for a verification code");
    String code = awaitCode(provider, email);
    require(
        frontend.send("POST", "/api/auth/email/verify", token, Map.of("code", code)).join(),
        204,
        "verifying the ADMIN's address");
    Frontend.Answer signedIn =
        frontend
            .send(
                "POST",
                "/api/auth/sign-in",
                "",
                Map.of("email", email, "password", Frontend.PASSWORD))
            .join();
    require(signedIn, 200, "signing the ADMIN in");
    if (!signedIn.text("/user/role").equals("ADMIN")) {
      throw new IllegalStateException("the suite's ADMIN signed in as " + signedIn.body());
    }
    return new OperationsApi(frontend, signedIn.text("/accessToken"));
  }

  /** Runs of every service that are queued, running, sleeping or waiting. */
  int unfinishedRuns() {
    int unfinished = 0;
    for (String status : UNFINISHED) {
      unfinished += list("/api/ops/runs?status=%s&limit=1000".formatted(status)).size();
    }
    return unfinished;
  }

  /** The message ids of every live dead letter, of every service. */
  List<String> deadLetterIds() {
    List<String> ids = new ArrayList<>();
    for (JsonNode letter : list("/api/ops/dead-letters?limit=500")) {
      ids.add(letter.path("messageId").asString(""));
    }
    return ids;
  }

  private List<JsonNode> list(String path) {
    Frontend.Answer answer = frontend.get(path, adminToken).join();
    require(answer, 200, "GET " + path);
    if (answer.body().path("metadata").path("unavailable").size() > 0) {
      throw new IllegalStateException(
          "the operations API could not reach every service: " + answer.body().path("metadata"));
    }
    List<JsonNode> items = new ArrayList<>();
    answer.body().path("list").forEach(items::add);
    return items;
  }

  private static String awaitCode(RecordingProvider provider, String email)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(CODE_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      Optional<String> code =
          provider.journal().stream()
              .filter(d -> d.sent() && d.to().equals(email))
              .map(d -> CODE.matcher(d.text()))
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .findFirst();
      if (code.isPresent()) {
        return code.get();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no verification code reached " + email + " within a minute");
  }

  private static void require(Frontend.Answer answer, int status, String what) {
    if (answer.status() != status) {
      throw new IllegalStateException(
          "%s answered %d: %s".formatted(what, answer.status(), answer.body()));
    }
  }
}
