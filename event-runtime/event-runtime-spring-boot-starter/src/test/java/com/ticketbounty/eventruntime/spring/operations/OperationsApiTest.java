package com.ticketbounty.eventruntime.spring.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spring.TestService;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = OperationsApiTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OperationsApiTest {
  private static final TestDatabase DATABASE = TestDatabase.create("operations");
  private static final TestRabbit RABBIT = new TestRabbit();

  @Autowired WebTestClient client;
  @Autowired DeadLetterStore deadLetters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, "ops-test", DATABASE, RABBIT);
  }

  @AfterAll
  static void cleanUp() {
    String queue = RABBIT.prefix() + "ops-test.noted";
    RABBIT.delete(
        List.of(queue, queue + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void refusesCallersWithoutAToken() {
    client
        .get()
        .uri("/internal/runtime/dead-letters")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
  }

  @Test
  void asksTheServicesAccessOnEveryRoute() {
    expectStatus(TestAccess.USER, 403);
    expectStatus("Bearer whatever", 401);
  }

  @Test
  void listsDeadLettersWithSensitiveValuesRedactedAndRedrivesThem() {
    String queue = RABBIT.prefix() + "ops-test.noted";
    String body = "{\"id\":\"x\",\"data\":{\"link\":{\"$enc\":\"v1:abc\"},\"ticketId\":\"t-1\"}}";
    deadLetters.save(
        new DeadLetter(
            queue,
            "m-ops-1",
            "test/noted",
            "unknown MAJOR version 9.0",
            body.getBytes(StandardCharsets.UTF_8),
            Map.of()));
    String admin = TestAccess.ADMIN;

    client
        .get()
        .uri("/internal/runtime/dead-letters")
        .header("Authorization", admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[0].reason")
        .isEqualTo("unknown MAJOR version 9.0")
        .jsonPath("$.list[0].service")
        .isEqualTo("ops-test")
        .jsonPath("$.list[0].body.data.link")
        .isEqualTo("[redacted]")
        .jsonPath("$.list[0].body.data.ticketId")
        .isEqualTo("t-1");
    long stored = deadLetters.list(10).get(0).id();

    client
        .post()
        .uri("/internal/runtime/dead-letters/" + stored + "/redrive")
        .header("Authorization", admin)
        .exchange()
        .expectStatus()
        .isOk();
    client
        .post()
        .uri("/internal/runtime/dead-letters/" + stored + "/redrive")
        .header("Authorization", admin)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(deadLetters.find(stored).orElseThrow().redrivenAt()).isNotNull();
    // One redrive was done, the second refused: the audit holds the first only, with its queue.
    client
        .get()
        .uri("/internal/runtime/audit")
        .header("Authorization", admin)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list[?(@.target == '" + stored + "')].action")
        .isEqualTo(List.of("dead-letter.redriven"))
        .jsonPath("$.list[?(@.target == '" + stored + "')].actorId")
        .isEqualTo(List.of(TestAccess.ADMIN_ID))
        .jsonPath("$.list[?(@.target == '" + stored + "')].detail.queue")
        .isEqualTo(List.of(deadLetters.find(stored).orElseThrow().letter().queue()))
        .jsonPath("$.list[0].service")
        .isEqualTo("ops-test");
  }

  @Test
  void answersBadInputWithProblems() {
    String admin = TestAccess.ADMIN;

    client
        .get()
        .uri("/internal/runtime/dead-letters?limit=lots")
        .header("Authorization", admin)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    client
        .post()
        .uri("/internal/runtime/dead-letters/abc/redrive")
        .header("Authorization", admin)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private void expectStatus(String authorization, int status) {
    client
        .get()
        .uri("/internal/runtime/dead-letters")
        .header("Authorization", authorization)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @EventType(name = "test/noted", version = "1.0")
  record Noted(String what) {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    OperationsAccess access() {
      return new TestAccess();
    }

    @Bean
    Subscription<Noted> noted() {
      return new Subscription<>("noted", Noted.class, delivery -> {});
    }
  }
}
