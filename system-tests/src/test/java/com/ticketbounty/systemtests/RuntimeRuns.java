package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * A service's runs as its operations API ({@code /internal/runtime/runs}) shows them to an admin.
 */
record RuntimeRuns(String service, String adminToken) {
  static final Duration PATIENCE = Duration.ofSeconds(90);

  /** Waits for the run of {@code function} whose event mentions {@code text} to reach a status. */
  JsonNode awaitRun(String function, String text, String status) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    Awaitility.await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(
            () -> {
              found.set(mentioning(function, text).orElse(null));
              return found.get() != null && status.equals(found.get().path("status").asString());
            });
    return found.get();
  }

  private Optional<JsonNode> mentioning(String function, String text) throws Exception {
    Http.Reply list = get("/internal/runtime/runs?limit=50&function=" + function);
    for (JsonNode summary : list.json().path("list")) {
      JsonNode run = get("/internal/runtime/runs/" + summary.path("id").asString()).json();
      if (run.path("event").toString().contains(text)) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  private Http.Reply get(String path) throws Exception {
    Http.Reply reply =
        Http.request("GET", SharedSystem.system().url(service) + path).bearer(adminToken).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply;
  }
}
