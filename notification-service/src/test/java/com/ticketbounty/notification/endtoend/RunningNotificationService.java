package com.ticketbounty.notification.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.notification.NotificationServiceApplication;
import com.ticketbounty.notification.application.DiscordMessages;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.application.RecordingChat;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One notification-service for the end-to-end tests, on the machine's PostgreSQL (a database of its
 * own) and RabbitMQ (a name prefix of its own), with {@link TestIdentity} for the operations API's
 * tokens and WireMock as the e-mail provider (the Resend adapter, through {@code EMAIL_BASE_URL}).
 * Slack, Discord and analytics are {@link RecordingChat}, registered as the primary beans of their
 * ports; the e-mail sender is wrapped by {@link InFlightEmails}.
 *
 * <p>It runs 12 engine workers (so that comment-posted's limit of 10 can be reached) and one
 * consumer thread: the deliveries of a queue are taken in one after the other, so once a later
 * event's run exists, an earlier one on the same queue has been taken in. Started by hand rather
 * than through {@code @SpringBootTest} so that it can be stopped and started again on the same
 * database and queues, and is certainly stopped before they are removed.
 */
final class RunningNotificationService implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Duration WELCOME_DELAY = Duration.ofSeconds(15);
  static final String APP = "https://app.example.com";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestDatabase database = TestDatabase.create("notification_e2e");
  private final TestRabbit rabbit = new TestRabbit();
  private final TestIdentity identity = TestIdentity.start();
  private final WireMockServer provider =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final String encryptionKey = randomKey();
  private final EventCodec codec =
      new EventCodec(Clock.systemUTC(), FieldCipher.fromBase64(encryptionKey));
  private final RecordingChat chat = new RecordingChat();
  private final InFlightEmails inFlight = new InFlightEmails();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> queues = new ArrayList<>();
  private ConfigurableApplicationContext service;
  private Connection broker;

  static RunningNotificationService start() {
    RunningNotificationService running = new RunningNotificationService();
    try {
      running.provider.start();
      running.provider.stubFor(
          post("/emails").willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\"}")));
      running.startService();
      running.broker = running.rabbit.connectionFactory().newConnection("notification-e2e");
      return running;
    } catch (RuntimeException | IOException | TimeoutException e) {
      running.close();
      throw new IllegalStateException("notification-service did not start", e);
    }
  }

  private void startService() {
    service =
        new SpringApplicationBuilder(NotificationServiceApplication.class)
            .main(NotificationServiceApplication.class)
            .initializers(this::fakes)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.hikari.minimum-idle=2",
                "--event-runtime.name-prefix=" + rabbit.prefix(),
                "--event-runtime.rabbitmq.host=" + rabbit.host(),
                "--event-runtime.rabbitmq.port=" + rabbit.port(),
                "--event-runtime.encryption-key=" + encryptionKey,
                "--event-runtime.consumer.threads=1",
                "--event-runtime.engine.workers=12",
                "--ticketbounty.security.jwks-uri=" + identity.jwksUri(),
                "--EMAIL_BASE_URL=" + provider.baseUrl(),
                "--EMAIL_API_KEY=re_test_key",
                "--APP_BASE_URL=" + APP,
                "--WELCOME_EMAIL_DELAY=" + WELCOME_DELAY);
    queues.clear();
    service.getBeansOfType(DurableFunction.class).values().forEach(f -> queues.add(f.id()));
    service.getBeansOfType(Projection.class).keySet().forEach(name -> queues.add(dashed(name)));
    queues.add("session-ended");
    // An event published before a queue is bound is lost.
    for (String queue : queues) {
      if (!queue.equals("batch-digest")) {
        await().atMost(PATIENCE).until(() -> rabbit.consumers(queue(queue)) > 0);
      }
    }
  }

  /** Slack, Discord and analytics recorded; every e-mail counted in flight. */
  private void fakes(ConfigurableApplicationContext context) {
    GenericApplicationContext generic = (GenericApplicationContext) context;
    generic.registerBean(RecordingChat.class, () -> chat, bean -> bean.setPrimary(true));
    generic.registerBean(DiscordMessages.class, chat::discord, bean -> bean.setPrimary(true));
    generic
        .getBeanFactory()
        .addBeanPostProcessor(
            new BeanPostProcessor() {
              @Override
              public Object postProcessAfterInitialization(Object bean, String name)
                  throws BeansException {
                return bean instanceof EmailSender sender ? inFlight.around(sender) : bean;
              }
            });
  }

  /** Stops the service (as on SIGTERM) and starts it again on the same database and queues. */
  void restart() {
    service.close();
    startService();
  }

  /** The durable functions the service runs, as Spring built them from its configuration. */
  List<DurableFunction> functions() {
    return List.copyOf(service.getBeansOfType(DurableFunction.class).values());
  }

  RecordingChat chat() {
    return chat;
  }

  InFlightEmails inFlight() {
    return inFlight;
  }

  WireMockServer provider() {
    return provider;
  }

  JdbcClient jdbc() {
    return JdbcClient.create(database.dataSource());
  }

  TestIdentity identity() {
    return identity;
  }

  /** Actuator's port (health, prometheus), which the public one never serves. */
  String managementUrl() {
    return "http://127.0.0.1:"
        + service.getEnvironment().getRequiredProperty("local.management.port");
  }

  String baseUrl() {
    return "http://127.0.0.1:" + service.getEnvironment().getRequiredProperty("local.server.port");
  }

  String queue(String consumer) {
    return rabbit.prefix() + "notification-service." + consumer;
  }

  /** A queue of the test's own on the service's exchange; gone once closed. */
  EventTap tap(String... eventNames) {
    return EventTap.open(rabbit, List.of(eventNames));
  }

  /** A bean of the running service. */
  <T> T bean(Class<T> type) {
    return service.getBean(type);
  }

  // --- events

  /** Publishes {@code contract} as a producer's relay would; answers it as it travelled. */
  EventEnvelope publish(Object contract) {
    EventEnvelope event = codec.envelope(contract, null);
    publish(event);
    return event;
  }

  /** Publishes {@code event} exactly as it is (again, for a duplicate). */
  void publish(EventEnvelope event) {
    publishRaw(event.id(), event.name(), codec.encode(event));
  }

  void publishRaw(UUID id, String name, String body) {
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(id.toString())
            .type(name)
            .contentType("application/json")
            .deliveryMode(2)
            .headers(Map.of())
            .build();
    try (Channel channel = broker.createChannel()) {
      AtomicBoolean unroutable = new AtomicBoolean();
      channel.addReturnListener(returned -> unroutable.set(true));
      channel.confirmSelect();
      channel.basicPublish(
          rabbit.prefix() + "events",
          name,
          true,
          properties,
          body.getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(PATIENCE.toMillis());
      // The broker returns an unroutable mandatory message before confirming it.
      assertThat(unroutable).as("%s reached a queue", name).isFalse();
    } catch (IOException | TimeoutException | InterruptedException e) {
      throw new IllegalStateException("cannot publish " + name, e);
    }
  }

  EventCodec codec() {
    return codec;
  }

  /**
   * A new account (verified or not, with a role and preference) that the recipients model knows
   * once this returns.
   */
  Account account(String name, String preference, String role, boolean verified) {
    UUID userId = UUID.randomUUID();
    String email = name + "-" + userId.toString().substring(0, 8) + "@example.com";
    publish(new AccountCreated(userId, name, email, role, preference, 1, Instant.now()));
    if (verified) {
      publish(
          new AccountProfileUpdated(userId, name, preference, 2, Instant.now(), email, role, true));
    }
    long version = verified ? 2 : 1;
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc()
                        .sql("SELECT count(*) FROM recipients WHERE user_id = ? AND version = ?")
                        .param(userId)
                        .param(version)
                        .query(Long.class)
                        .single()
                    == 1);
    return new Account(userId, name, email);
  }

  /** An account known to the recipients read model. */
  record Account(UUID userId, String username, String email) {}

  // --- e-mails

  /** The e-mail requests the provider received for {@code address}, oldest first. */
  List<LoggedRequest> emailsTo(String address) {
    return provider.findAll(
        postRequestedFor(urlEqualTo("/emails"))
            .withRequestBody(containing("\"to\":[\"" + address + "\"]")));
  }

  /** The e-mail requests whose Idempotency-Key belongs to {@code runId}. */
  List<LoggedRequest> emailsOfRun(UUID runId) {
    return provider.findAll(postRequestedFor(urlEqualTo("/emails"))).stream()
        .filter(r -> String.valueOf(r.getHeader("Idempotency-Key")).startsWith(runId + ":"))
        .toList();
  }

  // --- the operations API

  /** The run of {@code function} for {@code event}: its id is derived from both. */
  static UUID runId(String function, UUID eventId) {
    return UUID.nameUUIDFromBytes((function + "/" + eventId).getBytes(StandardCharsets.UTF_8));
  }

  /** The run with its steps as the operations API shows it, or null while there is none. */
  JsonNode run(UUID runId) {
    HttpResponse<String> response = operations("GET", "/internal/runtime/runs/" + runId);
    return response.statusCode() == 404 ? null : JSON.readTree(response.body());
  }

  /** The runs of {@code function} as the operations API lists them, newest first. */
  List<JsonNode> runs(String function) {
    JsonNode list =
        JSON.readTree(
                operations("GET", "/internal/runtime/runs?limit=200&function=" + function).body())
            .path("list");
    List<JsonNode> runs = new ArrayList<>();
    list.forEach(runs::add);
    return runs;
  }

  /** Waits until the run exists and has {@code status}; answers it. */
  JsonNode awaitRun(UUID runId, String status) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> run(runId), run -> run != null && status.equals(run.path("status").asString("")));
  }

  /** Starts a run of a cron function now; answers its id. */
  UUID trigger(String function) {
    HttpResponse<String> response =
        operations("POST", "/internal/runtime/functions/" + function + "/trigger");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return UUID.fromString(JSON.readTree(response.body()).path("runId").asString());
  }

  JsonNode deadLetters() {
    return JSON.readTree(operations("GET", "/internal/runtime/dead-letters?limit=100").body());
  }

  private HttpResponse<String> operations(String method, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", identity.admin("operator").bearer())
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("operations API " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      if (service != null) {
        service.close();
      }
      if (broker != null) {
        broker.close();
      }
      List<String> names = new ArrayList<>();
      queues.forEach(
          q -> {
            names.add(queue(q));
            names.add(queue(q) + ".dlq");
          });
      rabbit.delete(names, List.of(rabbit.prefix() + "events", rabbit.prefix() + "events.dlx"));
    } catch (IOException e) {
      throw new IllegalStateException("cleanup failed", e);
    } finally {
      provider.stop();
      identity.close();
      database.close();
    }
  }

  private static String dashed(String beanName) {
    return beanName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
