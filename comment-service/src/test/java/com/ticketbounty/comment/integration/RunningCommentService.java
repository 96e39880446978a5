package com.ticketbounty.comment.integration;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.comment.CommentServiceApplication;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One comment-service for the whole test run, on the machine's PostgreSQL (a database of its own)
 * and RabbitMQ (a name prefix of its own), with {@link TestIdentity} as identity-service (its JWKS,
 * and a WireMock token endpoint that hands out TestIdentity's service token for comment-service)
 * and WireMock as ticket-service. Started by hand rather than through {@code @SpringBootTest}, so
 * that it is certainly stopped before its queues and database are removed (a running consumer would
 * declare its queue again). {@link CommentServiceExtension} starts it once and closes it after the
 * last test.
 */
final class RunningCommentService implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final List<String> SUBSCRIPTIONS =
      List.of(
          "ticket-created",
          "ticket-updated",
          "ticket-assigned",
          "ticket-deleted",
          "session-ended",
          "accounts-created",
          "accounts-profile-updated");

  private final TestDatabase database = TestDatabase.create("comment");
  private final TestRabbit rabbit = new TestRabbit();
  private final TestIdentity identity = TestIdentity.start();
  private final WireMockServer ticketService =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final WireMockServer tokenEndpoint =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final String serviceBearer = identity.serviceBearer("comment-service");
  private ConfigurableApplicationContext service;
  private Connection broker;
  private TestEvents events;
  private WebTestClient client;
  private String baseUrl;

  /**
   * @param settings command-line settings added after the test's own
   */
  static RunningCommentService start(List<String> settings) {
    RunningCommentService running = new RunningCommentService();
    try {
      running.startAll(settings);
      return running;
    } catch (RuntimeException | IOException | TimeoutException e) {
      running.close();
      throw new IllegalStateException("comment-service did not start", e);
    }
  }

  private void startAll(List<String> settings) throws IOException, TimeoutException {
    ticketService.start();
    tokenEndpoint.start();
    tokenEndpoint.stubFor(
        WireMock.post(WireMock.urlEqualTo("/oauth2/token"))
            .withHeader("Authorization", WireMock.equalTo(basic("comment-service", "test-secret")))
            .willReturn(
                WireMock.okJson(
                    "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":900}"
                        .formatted(serviceBearer.substring("Bearer ".length())))));
    service =
        new SpringApplicationBuilder(CommentServiceApplication.class)
            .main(CommentServiceApplication.class)
            .run(
                Stream.concat(
                        Stream.of(
                            "--server.port=0",
                            "--spring.datasource.url=" + database.jdbcUrl(),
                            "--spring.datasource.username=" + database.user(),
                            "--spring.r2dbc.url=" + database.r2dbcUrl(),
                            "--spring.r2dbc.username=" + database.user(),
                            "--event-runtime.name-prefix=" + rabbit.prefix(),
                            "--event-runtime.rabbitmq.host=" + rabbit.host(),
                            "--event-runtime.rabbitmq.port=" + rabbit.port(),
                            "--ticketbounty.security.jwks-uri=" + identity.jwksUri(),
                            "--event-runtime.operations.jwks-uri=" + identity.jwksUri(),
                            "--comment-service.ticket-service.base-url=" + ticketService.baseUrl(),
                            "--ticketbounty.service-client.secret=test-secret",
                            "--ticketbounty.service-client.token-uri="
                                + tokenEndpoint.baseUrl()
                                + "/oauth2/token",
                            // Short, so that the outage tests do not wait long; the breaker stays
                            // open until a
                            // test resets it, so that no test's outcome depends on another's
                            // timing.
                            "--comment-service.ticket-service.timeout=500ms",
                            "--comment-service.ticket-service.backoff=20ms",
                            "--comment-service.ticket-service.open-for=10m"),
                        settings.stream())
                    .toArray(String[]::new));
    String port = service.getEnvironment().getRequiredProperty("local.server.port");
    baseUrl = "http://127.0.0.1:" + port;
    client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(PATIENCE).build();
    broker = rabbit.connectionFactory().newConnection("comment-service-tests");
    events = new TestEvents(broker, rabbit.prefix() + "events");
    // An event published before the service's queues are bound would be lost.
    for (String subscription : SUBSCRIPTIONS) {
      await().atMost(PATIENCE).until(() -> consumersOf(queue(subscription)) > 0);
    }
  }

  WebTestClient client() {
    return client;
  }

  /** Where the service listens, for requests whose URI must be sent exactly as written. */
  String baseUrl() {
    return baseUrl;
  }

  JdbcClient jdbc() {
    return JdbcClient.create(database.dataSource());
  }

  TestIdentity identity() {
    return identity;
  }

  WireMockServer ticketService() {
    return ticketService;
  }

  /** The {@code Authorization} value comment-service's internal calls must carry. */
  String serviceBearer() {
    return serviceBearer;
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  CircuitBreaker ticketServiceBreaker() {
    return service.getBean("ticketServiceBreaker", CircuitBreaker.class);
  }

  /** A bean of the running service, for a test that checks how the service was assembled. */
  <T> T bean(String name, Class<T> type) {
    return service.getBean(name, type);
  }

  TestEvents events() {
    return events;
  }

  /**
   * A queue of the test's own bound to the events exchange with {@code routingKeys}, as other
   * services' queues are; it is gone once the tap is closed.
   */
  EventTap tap(String... routingKeys) {
    return EventTap.open(rabbit, List.of(routingKeys));
  }

  String queue(String subscription) {
    return rabbit.prefix() + "comment-service." + subscription;
  }

  private int consumersOf(String queue) {
    try (Channel channel = broker.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (IOException | TimeoutException | RuntimeException e) {
      return 0; // not declared yet: the broker closed the channel
    }
  }

  @Override
  public void close() {
    try {
      if (service != null) {
        service.close();
      }
      closeBroker();
      List<String> queues = new ArrayList<>();
      SUBSCRIPTIONS.forEach(subscription -> queues.add(queue(subscription)));
      SUBSCRIPTIONS.forEach(subscription -> queues.add(queue(subscription) + ".dlq"));
      rabbit.delete(queues, List.of(rabbit.prefix() + "events", rabbit.prefix() + "events.dlx"));
    } finally {
      identity.close();
      ticketService.stop();
      tokenEndpoint.stop();
      database.close();
    }
  }

  private void closeBroker() {
    if (broker != null) {
      try {
        broker.close();
      } catch (IOException e) {
        // The broker forgets a dropped connection on its own.
      }
    }
  }
}
