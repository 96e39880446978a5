package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a gateway under test stands on, one per test class: its own database and broker names, a
 * JWKS with tokens ({@link TestIdentity}), and a WireMock standing in for each service. A class
 * annotated {@link GatewayTest} keeps it in a static field; {@link Closer} removes it all after the
 * class, once the Spring context is closed.
 */
final class GatewayTestBed implements AutoCloseable {
  final TestDatabase database;
  final TestRabbit rabbit = new TestRabbit();
  final TestIdentity identity = TestIdentity.start();
  final WireMockServer identityService = started();
  final WireMockServer ticketService = started();
  final WireMockServer commentService = started();

  /** identity-service's token endpoint, handing out the gateway's service token. */
  final WireMockServer tokenEndpoint = started();

  final String gatewayToken = identity.serviceBearer("gateway").substring("Bearer ".length());

  private GatewayTestBed(String purpose) {
    this.database = TestDatabase.create(purpose);
    tokenEndpoint.stubFor(
        post(urlEqualTo("/oauth2/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":900}"
                        .formatted(gatewayToken))));
  }

  static GatewayTestBed start(String purpose) {
    return new GatewayTestBed(purpose);
  }

  void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::user);
    registry.add("event-runtime.name-prefix", rabbit::prefix);
    registry.add("ticketbounty.security.jwks-uri", identity::jwksUri);
    registry.add("IDENTITY_SERVICE_URL", identityService::baseUrl);
    registry.add(
        "ticketbounty.service-client.token-uri", () -> tokenEndpoint.baseUrl() + "/oauth2/token");
    registry.add("TICKET_SERVICE_URL", ticketService::baseUrl);
    registry.add("COMMENT_SERVICE_URL", commentService::baseUrl);
  }

  /**
   * Another gateway on this bed, as a second instance beside the test's own: on a port of its own,
   * its database reached at {@code jdbcUrl} (the bed's, or a proxy in front of it). The caller
   * closes it before the bed.
   */
  ConfigurableApplicationContext anotherGateway(String jdbcUrl) {
    return new SpringApplicationBuilder(GatewayApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=" + database.user(),
            // A database that is gone is told within a second, not after Hikari's 30.
            "--spring.datasource.hikari.connection-timeout=1000",
            "--event-runtime.name-prefix=" + rabbit.prefix(),
            "--ticketbounty.security.jwks-uri=" + identity.jwksUri(),
            "--event-runtime.operations.jwks-uri=" + identity.jwksUri(),
            "--IDENTITY_SERVICE_URL=" + identityService.baseUrl(),
            "--TICKET_SERVICE_URL=" + ticketService.baseUrl(),
            "--COMMENT_SERVICE_URL=" + commentService.baseUrl());
  }

  /** Forgets every stub and request; then each service answers anything with 200. */
  void resetServices() {
    services()
        .forEach(
            service -> {
              service.resetAll();
              service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
            });
  }

  /** Every request any stand-in service received. */
  List<LoggedRequest> requestsReachingServices() {
    return services()
        .flatMap(service -> service.getAllServeEvents().stream())
        .map(event -> event.getRequest())
        .toList();
  }

  /**
   * Publishes {@code app/auth.session-ended} as identity-service would, once the gateway consumes
   * it (an event published before its queue exists would be lost).
   */
  void endSession(UUID sessionId, UUID userId) {
    String queue = rabbit.prefix() + "gateway.session-ended";
    try (Connection connection = rabbit.connectionFactory().newConnection("gateway-test");
        Channel channel = connection.createChannel()) {
      await().until(() -> consumersOf(connection, queue) > 0);
      Instant now = Instant.now();
      String id = UUID.randomUUID().toString();
      String body =
          """
          {"id":"%s","name":"%s","v":"1.0","ts":%d,"data":{"sessionId":"%s","userId":"%s",\
          "reason":"sign-out","endedAt":"%s","tokensValidUntil":"%s"},"user":{"id":"%s"}}"""
              .formatted(
                  id,
                  SessionEnded.NAME,
                  now.toEpochMilli(),
                  sessionId,
                  userId,
                  now,
                  now.plusSeconds(900),
                  userId);
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId(id)
              .type(SessionEnded.NAME)
              .contentType("application/json")
              .deliveryMode(2)
              .build();
      channel.confirmSelect();
      channel.basicPublish(
          rabbit.prefix() + "events",
          SessionEnded.NAME,
          properties,
          body.getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(10_000);
    } catch (IOException | TimeoutException | InterruptedException e) {
      throw new IllegalStateException("cannot publish app/auth.session-ended", e);
    }
  }

  @Override
  public void close() {
    try {
      services().forEach(WireMockServer::stop);
      tokenEndpoint.stop();
      identity.close();
      String queue = rabbit.prefix() + "gateway.session-ended";
      rabbit.delete(
          List.of(queue, queue + ".dlq"),
          List.of(rabbit.prefix() + "events", rabbit.prefix() + "events.dlx"));
    } finally {
      database.close();
    }
  }

  /** Closes every static {@link GatewayTestBed} of the test class. */
  static final class Closer implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
      for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == GatewayTestBed.class) {
          field.setAccessible(true);
          ((GatewayTestBed) field.get(null)).close();
        }
      }
    }
  }

  private Stream<WireMockServer> services() {
    return Stream.of(identityService, ticketService, commentService);
  }

  private static int consumersOf(Connection connection, String queue) {
    try (Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      return 0; // not declared yet: the broker closed the channel
    }
  }

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }
}
