package com.ticketbounty.notification.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.notification.NotificationServiceApplication;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service without an e-mail provider, on the machine's PostgreSQL (a database of its own)
 * and RabbitMQ (a name prefix of its own): e-mails go to the local sink, which {@code GET
 * /internal/notifications/emails} lists to an administrator, newest first, a page at a time.
 */
class EmailSinkEndpointTest {
  private static final TestDatabase DATABASE = TestDatabase.create("notification_sink_api");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final TestIdentity IDENTITY = TestIdentity.start();
  private static final String PATH = "/internal/notifications/emails";
  private static final String ADMIN = IDENTITY.admin("operator").bearer();

  private static ConfigurableApplicationContext service;
  private static WebTestClient client;

  /**
   * Started by hand rather than through {@code @SpringBootTest}, so that it is certainly stopped
   * before its queues and database are removed (a running consumer would declare its queue again).
   */
  @BeforeAll
  static void startServiceWithoutAProvider() {
    service =
        new SpringApplicationBuilder(NotificationServiceApplication.class)
            .main(NotificationServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE.jdbcUrl(),
                "--spring.datasource.username=" + DATABASE.user(),
                "--event-runtime.name-prefix=" + RABBIT.prefix(),
                "--event-runtime.rabbitmq.host=" + RABBIT.host(),
                "--event-runtime.rabbitmq.port=" + RABBIT.port(),
                "--ticketbounty.security.jwks-uri=" + IDENTITY.jwksUri(),
                "--event-runtime.consumer.threads=1",
                "--event-runtime.engine.workers=1",
                "--notification.email.base-url=");
    client =
        WebTestClient.bindToServer()
            .baseUrl(
                "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stopAndCleanUp() {
    try {
      List<String> queues = new ArrayList<>();
      if (service != null) {
        queues = serviceQueues();
        service.close();
      }
      RABBIT.delete(queues, List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    } finally {
      IDENTITY.close();
      DATABASE.close();
    }
  }

  @BeforeEach
  void emptySink() {
    JdbcClient.create(DATABASE.dataSource()).sql("DELETE FROM email_sink").update();
  }

  @Test
  void listsWhatTheServiceSentNewestFirstToAnAdministrator() {
    send("Welcome", "run-1:send-welcome-email");
    send("Ticket created", "run-2:send-confirmation");

    list("", ADMIN)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.delivery")
        .isEqualTo("sink")
        .jsonPath("$.emails.length()")
        .isEqualTo(2)
        .jsonPath("$.emails[0].subject")
        .isEqualTo("Ticket created")
        .jsonPath("$.emails[0].idempotencyKey")
        .isEqualTo("run-2:send-confirmation")
        .jsonPath("$.emails[0].from")
        .isEqualTo("TicketBounty <noreply@ticketbounty.local>")
        .jsonPath("$.emails[0].to[0]")
        .isEqualTo("ada@example.com")
        .jsonPath("$.emails[0].html")
        .isEqualTo("<p>Ticket created</p>")
        .jsonPath("$.emails[0].text")
        .isEqualTo("Ticket created")
        .jsonPath("$.emails[0].headers.List-Unsubscribe")
        .isEqualTo("<https://app.example.com/settings/notifications>")
        .jsonPath("$.emails[0].createdAt")
        .value(createdAt -> assertThat(createdAt.toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"))
        .jsonPath("$.emails[1].subject")
        .isEqualTo("Welcome")
        .jsonPath("$.nextBefore")
        .isEmpty();
  }

  @Test
  void keepsOneEmailPerIdempotencyKeyAsAProviderSendsOne() {
    send("Ticket created", "run-2:send-confirmation");
    send("Ticket created", "run-2:send-confirmation");

    list("", ADMIN).expectStatus().isOk().expectBody().jsonPath("$.emails.length()").isEqualTo(1);
  }

  @Test
  void pagesWithLimitAndBefore() {
    for (int n = 1; n <= 5; n++) {
      send("E-mail " + n, "key-" + n);
    }

    SinkPage first = page("?limit=2");
    SinkPage second = page("?limit=2&before=" + first.nextBefore());
    SinkPage last = page("?limit=2&before=" + second.nextBefore());

    assertThat(first.subjects()).containsExactly("E-mail 5", "E-mail 4");
    assertThat(second.subjects()).containsExactly("E-mail 3", "E-mail 2");
    assertThat(last.subjects()).containsExactly("E-mail 1");
    assertThat(last.nextBefore()).isNull();
  }

  @Test
  void refusesACallerWithoutAToken() {
    list("", null)
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void refusesAUserAndAService() {
    list("", IDENTITY.user("ada").bearer())
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    list("", IDENTITY.serviceBearer("comment-service")).expectStatus().isForbidden();
  }

  @ParameterizedTest
  @CsvSource({
    "limit=0, limit",
    "limit=201, limit",
    "limit=ten, limit",
    "before=0, before",
    "before=-3, before",
    "before=abc, before"
  })
  void answersBadPagingWithAProblemNamingTheParameter(String query, String parameter) {
    list("?" + query, ADMIN)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[0].field")
        .isEqualTo(parameter);
  }

  @Test
  void migratesItsOwnTablesBesideTheSchemasOfTheRuntimeAndServiceWeb() {
    JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

    assertThat(
            jdbc.sql("SELECT version FROM public.flyway_schema_history WHERE success")
                .query(String.class)
                .list())
        .contains("1");
    assertThat(
            jdbc.sql("SELECT count(*) FROM event_runtime.flyway_schema_history WHERE success")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql("SELECT count(*) FROM service_web.flyway_schema_history WHERE success")
                .query(Long.class)
                .single())
        .isPositive();
  }

  private static void send(String subject, String idempotencyKey) {
    service
        .getBean(EmailSender.class)
        .send(
            new Email(
                "TicketBounty <noreply@ticketbounty.local>",
                List.of("ada@example.com"),
                subject,
                "<p>" + subject + "</p>",
                subject,
                Map.of("List-Unsubscribe", "<https://app.example.com/settings/notifications>")),
            idempotencyKey);
  }

  private static WebTestClient.ResponseSpec list(String query, @Nullable String bearer) {
    return client
        .get()
        .uri(PATH + query)
        .headers(
            headers -> {
              if (bearer != null) {
                headers.set("Authorization", bearer);
              }
            })
        .exchange();
  }

  private static SinkPage page(String query) {
    return list(query, ADMIN)
        .expectStatus()
        .isOk()
        .expectBody(SinkPage.class)
        .returnResult()
        .getResponseBody();
  }

  /** The part of the answer paging needs. */
  record SinkPage(List<Item> emails, @Nullable Long nextBefore) {
    record Item(String subject) {}

    List<String> subjects() {
      return emails.stream().map(Item::subject).toList();
    }
  }

  /** The queues of every function and projection the service ran, and their dead-letter queues. */
  private static List<String> serviceQueues() {
    List<String> subscriptions = new ArrayList<>();
    service
        .getBeansOfType(DurableFunction.class)
        .values()
        .forEach(function -> subscriptions.add(function.id()));
    service
        .getBeansOfType(Projection.class)
        .keySet()
        .forEach(
            bean ->
                subscriptions.add(
                    bean.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-").toLowerCase(Locale.ROOT)));
    List<String> queues = new ArrayList<>();
    for (String subscription : subscriptions) {
      String queue = RABBIT.prefix() + "notification-service." + subscription;
      queues.add(queue);
      queues.add(queue + ".dlq");
    }
    return queues;
  }
}
