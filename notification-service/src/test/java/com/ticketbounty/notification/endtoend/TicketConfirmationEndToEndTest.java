package com.ticketbounty.notification.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.NotificationServiceApplication;
import com.ticketbounty.serviceweb.security.EndedSessions;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on the machine's PostgreSQL and RabbitMQ, with WireMock as the e-mail provider:
 * {@code app/ticket.created} 2.0 events published to the exchange as ticket-service's relay would
 * (DESIGN.md §4) become confirmation e-mails to the address the recipients read model learnt from
 * {@code app/account.created}.
 *
 * <p>The service runs one consumer thread and one engine worker here, so events are handled in the
 * order they were published: once a later marker event's e-mail has arrived, everything published
 * before it has been handled, and e-mails can be counted without sleeping.
 */
class TicketConfirmationEndToEndTest {
  private static final TestDatabase DATABASE = TestDatabase.create("notification_e2e");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final String EXCHANGE = RABBIT.prefix() + "events";
  private static final String QUEUE = RABBIT.prefix() + "notification-service.ticket-created";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());
  private static final UUID OWNER = UUID.randomUUID();
  private static final String URGENT_WATCH = RABBIT.prefix() + "watch-urgent";
  private static final String SESSION_ENDED =
      RABBIT.prefix() + "notification-service.session-ended";
  private static final String ACCOUNTS =
      RABBIT.prefix() + "notification-service.recipients-account-created";
  private static final TestIdentity IDENTITY = TestIdentity.start();

  /** Every queue the service declares (functions, projections), to remove afterwards. */
  private static final List<String> CONSUMERS =
      List.of(
          "welcome-email",
          "email-verification-code",
          "password-reset",
          "password-changed",
          "ticket-created",
          "urgent-ticket",
          "comment-posted",
          "ticket-assigned",
          "ticket-updated",
          "admin-digest-email",
          "admin-digest-discord",
          "function-failed",
          "session-ended",
          "recipients-account-created",
          "recipients-profile-updated",
          "participants-ticket-created",
          "participants-ticket-updated",
          "participants-ticket-assigned",
          "participants-ticket-deleted",
          "participants-comment-posted",
          "participants-comment-deleted");

  @RegisterExtension
  static final WireMockExtension PROVIDER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static ConfigurableApplicationContext service;
  private static Connection broker;

  /**
   * Started by hand rather than through {@code @SpringBootTest}, so that it is certainly stopped
   * before its queues and database are removed in {@link #stopAndCleanUp()} (a running consumer
   * would declare its queue again).
   */
  @BeforeAll
  static void startService() throws Exception {
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
                "--EMAIL_BASE_URL=" + PROVIDER.baseUrl(),
                "--EMAIL_API_KEY=re_test_key",
                "--APP_BASE_URL=https://app.example.com");
    broker = RABBIT.connectionFactory().newConnection("notification-e2e-publisher");
    await().atMost(PATIENCE).until(() -> consumersOf(ACCOUNTS) > 0);
    publishRaw(
        UUID.randomUUID(),
        AccountCreated.NAME,
        CODEC.encode(
            CODEC.envelope(
                new AccountCreated(
                    OWNER, "ada", "ada@example.com", "USER", "immediate", 1, Instant.now()),
                null)));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                JdbcClient.create(DATABASE.dataSource())
                        .sql("SELECT count(*) FROM recipients WHERE user_id = ?")
                        .param(OWNER)
                        .query(Long.class)
                        .single()
                    == 1);
  }

  @BeforeEach
  void providerAcceptsEmailsOnceTheServiceConsumes() {
    PROVIDER.stubFor(post("/emails").willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\"}")));
    // The service subscribes once connected; an event published before its queue is bound is lost.
    await().atMost(PATIENCE).until(() -> consumersOf(QUEUE) > 0);
  }

  @AfterAll
  static void stopAndCleanUp() throws IOException {
    try {
      if (service != null) {
        service.close();
      }
      if (broker != null) {
        broker.close();
      }
      List<String> queues = new java.util.ArrayList<>(List.of(URGENT_WATCH));
      for (String consumer : CONSUMERS) {
        queues.add(RABBIT.prefix() + "notification-service." + consumer);
        queues.add(RABBIT.prefix() + "notification-service." + consumer + ".dlq");
      }
      RABBIT.delete(queues, List.of(EXCHANGE, EXCHANGE + ".dlx"));
    } finally {
      IDENTITY.close();
      DATABASE.close();
    }
  }

  @Test
  void emailsTheOwnerOnceWhenATicketIsCreated() throws Exception {
    TicketCreatedV2 ticket = ticket("Fix the login page " + UUID.randomUUID());

    EventEnvelope event = publish(ticket);
    awaitEmailMentioning(ticket.title());
    awaitEmailMentioning(markerAfter());

    List<LoggedRequest> emails = emailsMentioning(ticket.title());
    assertThat(emails).hasSize(1);
    LoggedRequest email = emails.get(0);
    assertThat(email.getHeader("Authorization")).isEqualTo("Bearer re_test_key");
    // The step's idempotency key: the run's id (derived from function and event) and the step's.
    UUID runId =
        UUID.nameUUIDFromBytes(("ticket-created/" + event.id()).getBytes(StandardCharsets.UTF_8));
    assertThat(email.getHeader("Idempotency-Key")).isEqualTo(runId + ":send-confirmation:" + OWNER);
    assertThat(email.getBodyAsString())
        .contains("\"to\":[\"ada@example.com\"]")
        .contains("https://app.example.com/tickets/" + ticket.ticketId());
  }

  @Test
  void sendsOneEmailWhenTheSameEventArrivesTwice() throws Exception {
    TicketCreatedV2 ticket = ticket("Duplicate delivery " + UUID.randomUUID());
    EventEnvelope event = CODEC.envelope(ticket, new EventUser(OWNER.toString()));

    publishRaw(event.id(), TicketCreated.NAME, CODEC.encode(event));
    awaitEmailMentioning(ticket.title());
    publishRaw(event.id(), TicketCreated.NAME, CODEC.encode(event));
    awaitEmailMentioning(markerAfter());

    assertThat(emailsMentioning(ticket.title())).hasSize(1);
  }

  @Test
  void keepsSendingAfterAMessageThatIsNotAnEvent() throws Exception {
    publishRaw(UUID.randomUUID(), TicketCreated.NAME, "this is not JSON");
    TicketCreatedV2 next = ticket("After the poison " + UUID.randomUUID());

    publish(next);

    awaitEmailMentioning(next.title());
    assertThat(emailsMentioning("")).hasSize(1);
  }

  @Test
  void announcesAnUrgentTicketToTheAdministratorsOnce() throws Exception {
    try (Channel channel = broker.createChannel()) {
      channel.queueDeclare(URGENT_WATCH, true, false, false, null);
      channel.queueBind(URGENT_WATCH, EXCHANGE, UrgentTicketCreated.NAME);
      TicketCreatedV2 urgent = withPriority(ticket("Server room flooded " + UUID.randomUUID()));

      publish(urgent);
      awaitEmailMentioning(urgent.title());

      GetResponse announced =
          await()
              .atMost(PATIENCE)
              .until(() -> channel.basicGet(URGENT_WATCH, true), r -> r != null);
      EventEnvelope event = CODEC.decode(announced.getBody());
      assertThat(event.name()).isEqualTo(UrgentTicketCreated.NAME);
      assertThat(CODEC.read(event, UrgentTicketCreated.class).ticketId())
          .isEqualTo(urgent.ticketId());
      awaitEmailMentioning(markerAfter());
      assertThat(channel.basicGet(URGENT_WATCH, true)).isNull();
    }
  }

  @Test
  void letsOnlyALiveAdministratorOperateItsRuntime() {
    TestUser admin = IDENTITY.admin("operator");

    expectRuns(admin.bearer(), 200);
    expectRuns(IDENTITY.user("ada").bearer(), 403);
    expectRuns(null, 401);
    expectRuns(IDENTITY.serviceBearer("comment-service"), 403);

    service.getBean(EndedSessions.class).end(admin.sessionId(), Instant.now().plusSeconds(900));
    expectRuns(admin.bearer(), 401);
  }

  private static void expectRuns(String bearer, int status) {
    WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
        .build()
        .get()
        .uri("/internal/runtime/runs")
        .headers(
            headers -> {
              if (bearer != null) {
                headers.set("Authorization", bearer);
              }
            })
        .exchange()
        .expectStatus()
        .isEqualTo(status);
  }

  @Test
  void reportsItselfHealthy() {
    WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  private static TicketCreatedV2 ticket(String title) {
    return new TicketCreatedV2(
        UUID.randomUUID(),
        OWNER,
        title,
        "Steps to reproduce: none yet.",
        "medium",
        LocalDate.now().plusDays(7),
        5_000);
  }

  private static TicketCreatedV2 withPriority(TicketCreatedV2 t) {
    return new TicketCreatedV2(
        t.ticketId(), t.userId(), t.title(), t.description(), "urgent", t.deadline(), t.bounty());
  }

  /** Publishes a marker ticket and answers its title, to wait for its e-mail. */
  private static String markerAfter() throws Exception {
    TicketCreatedV2 marker = ticket("marker " + UUID.randomUUID());
    publish(marker);
    return marker.title();
  }

  private static EventEnvelope publish(TicketCreatedV2 ticket) throws Exception {
    EventEnvelope event = CODEC.envelope(ticket, new EventUser(OWNER.toString()));
    publishRaw(event.id(), TicketCreated.NAME, CODEC.encode(event));
    return event;
  }

  /** Publishes as event-runtime's relay does: properties and headers of DESIGN.md §4. */
  private static void publishRaw(UUID id, String name, String body) throws Exception {
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(id.toString())
            .type(name)
            .contentType("application/json")
            .deliveryMode(2)
            .headers(
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
            .build();
    try (Channel channel = broker.createChannel()) {
      AtomicBoolean unroutable = new AtomicBoolean();
      channel.addReturnListener(returned -> unroutable.set(true));
      channel.confirmSelect();
      channel.basicPublish(EXCHANGE, name, true, properties, body.getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(PATIENCE.toMillis());
      // The broker returns an unroutable mandatory message before confirming it.
      assertThat(unroutable).as("the event reached the service's queue").isFalse();
    }
  }

  private static void awaitEmailMentioning(String text) {
    await().atMost(PATIENCE).until(() -> !emailsMentioning(text).isEmpty());
  }

  private static List<LoggedRequest> emailsMentioning(String text) {
    return PROVIDER.findAll(
        postRequestedFor(urlEqualTo("/emails")).withRequestBody(containing(text)));
  }

  private static int consumersOf(String queue) {
    try (Channel channel = broker.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      return 0; // not declared yet: the broker closed the channel
    }
  }
}
