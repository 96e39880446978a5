package com.ticketbounty.admindigest.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.ticketbounty.admindigest.application.FiguresRefusedException;
import com.ticketbounty.admindigest.application.FiguresUnavailableException;
import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import com.ticketbounty.serviceweb.client.ServiceClientAutoConfiguration;
import com.ticketbounty.serviceweb.client.ServiceTokens;
import com.ticketbounty.testsupport.TcpProxy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The count calls against WireMock standing in for identity's token endpoint and the three owners:
 * the paths, the service token, {@code since}, and how each kind of failure is retried, passed on
 * or refused.
 */
class WebClientFiguresTest {
  private static final Instant SINCE = Instant.parse("2030-01-08T00:00:00Z");
  private static final Instant NOW = Instant.parse("2030-01-15T00:00:05Z");
  private static final String SECRET = "admin-digest-test-secret";
  private static final String TICKETS = "/internal/tickets/count";
  private static final String COMMENTS = "/internal/comments/count";
  private static final String ACCOUNTS = "/internal/identity/accounts/count";
  private static final AttemptSettings ATTEMPTS =
      new AttemptSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(10));
  private static final BreakerSettings BREAKERS =
      new BreakerSettings(50, 10, Duration.ofMinutes(5));

  @RegisterExtension
  static final WireMockExtension SERVICES =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private AnnotationConfigApplicationContext serviceClient;
  private ServiceTokens tokens;

  @BeforeEach
  void identityIssuesTokens() {
    SERVICES.stubFor(
        post("/oauth2/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"service-token-1\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":900}")));
    serviceClient = new AnnotationConfigApplicationContext();
    TestPropertyValues.of(
            "ticketbounty.service-client.id=admin-digest-service",
            "ticketbounty.service-client.secret=" + SECRET,
            "ticketbounty.service-client.token-uri=" + SERVICES.baseUrl() + "/oauth2/token")
        .applyTo(serviceClient);
    serviceClient.register(ServiceClientAutoConfiguration.class);
    serviceClient.refresh();
    tokens = serviceClient.getBean(ServiceTokens.class);
  }

  @AfterEach
  void closeServiceClient() {
    serviceClient.close();
  }

  @Test
  void asksEachOwnerAtItsPathWithTheServiceTokenAndSince() {
    answer(TICKETS, 120, 14);
    answer(ACCOUNTS, 45, 6);
    answer(COMMENTS, 380, 51);
    WebClientFigures figures = figures(ATTEMPTS, BREAKERS);

    assertThat(figures.count(Counted.TICKETS, SINCE)).isEqualTo(new Count(120, 14));
    assertThat(figures.count(Counted.USERS, SINCE)).isEqualTo(new Count(45, 6));
    assertThat(figures.count(Counted.COMMENTS, SINCE)).isEqualTo(new Count(380, 51));

    for (String path : new String[] {TICKETS, ACCOUNTS, COMMENTS}) {
      SERVICES.verify(
          1,
          getRequestedFor(urlPathEqualTo(path))
              .withQueryParam("since", equalTo(SINCE.toString()))
              .withHeader("Authorization", equalTo("Bearer service-token-1")));
    }
    // One token for all three, asked for with this service's client credentials.
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin-digest-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
    SERVICES.verify(
        1,
        postRequestedFor(urlEqualTo("/oauth2/token"))
            .withHeader("Authorization", equalTo("Basic " + basic)));
  }

  @Test
  void asksAgainAfterAServerErrorAndTakesTheAnswer() {
    SERVICES.stubFor(
        get(urlPathEqualTo(TICKETS))
            .inScenario("restarting")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("up"));
    SERVICES.stubFor(
        get(urlPathEqualTo(TICKETS))
            .inScenario("restarting")
            .whenScenarioStateIs("up")
            .willReturn(count(7, 2)));

    assertThat(figures(ATTEMPTS, BREAKERS).count(Counted.TICKETS, SINCE))
        .isEqualTo(new Count(7, 2));
    SERVICES.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
  }

  @Test
  void failsTheAttemptWhenTheOwnerStaysDownThroughEveryCall() {
    SERVICES.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> figures(ATTEMPTS, BREAKERS).count(Counted.TICKETS, SINCE))
        .isInstanceOfSatisfying(
            FiguresUnavailableException.class, e -> assertThat(e.retryAfter()).isEmpty())
        .hasMessageContaining("ticket-service answered 503");
    SERVICES.verify(3, getRequestedFor(urlPathEqualTo(TICKETS)));
  }

  @Test
  void refusesForGoodWhatTheOwnerCallsABadRequest() {
    SERVICES.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"Bad Request\",\"detail\":\"since is not an instant\"}")));

    assertThatThrownBy(() -> figures(ATTEMPTS, BREAKERS).count(Counted.COMMENTS, SINCE))
        .isInstanceOf(FiguresRefusedException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("since is not an instant");
    SERVICES.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)));
  }

  @Test
  void refusesAnAnswerThatIsNotACount() {
    SERVICES.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson("{\"total\":3}")));

    assertThatThrownBy(() -> figures(ATTEMPTS, BREAKERS).count(Counted.USERS, SINCE))
        .isInstanceOf(FiguresRefusedException.class)
        .hasMessageContaining("createdSince");
  }

  @Test
  void passesOnTheDelayTheOwnerAskedForInsteadOfAskingAgain() {
    SERVICES.stubFor(
        get(urlPathEqualTo(TICKETS))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

    assertThatThrownBy(() -> figures(ATTEMPTS, BREAKERS).count(Counted.TICKETS, SINCE))
        .isInstanceOfSatisfying(
            FiguresUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    SERVICES.verify(1, getRequestedFor(urlPathEqualTo(TICKETS)));
  }

  @Test
  void readsARetryAfterDateFromTheClock() {
    SERVICES.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "Tue, 15 Jan 2030 00:02:05 GMT")));

    assertThatThrownBy(() -> figures(ATTEMPTS, BREAKERS).count(Counted.COMMENTS, SINCE))
        .isInstanceOfSatisfying(
            FiguresUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(2)));
  }

  @Test
  void fetchesAFreshTokenWhenTheOwnerRefusesTheOldOne() {
    SERVICES.stubFor(
        get(urlPathEqualTo(ACCOUNTS))
            .inScenario("stale token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("fresh"));
    SERVICES.stubFor(
        get(urlPathEqualTo(ACCOUNTS))
            .inScenario("stale token")
            .whenScenarioStateIs("fresh")
            .willReturn(count(45, 6)));

    assertThat(figures(ATTEMPTS, BREAKERS).count(Counted.USERS, SINCE)).isEqualTo(new Count(45, 6));
    SERVICES.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
  }

  @Test
  void treatsAnOwnerThatCannotBeReachedAsUnavailable() {
    String nowhere = "http://127.0.0.1:" + TcpProxy.freePort();
    WebClientFigures figures =
        WebClientFigures.create(
            WebClient.builder(),
            tokens,
            new OwnerUrls(SERVICES.baseUrl(), nowhere, SERVICES.baseUrl()),
            ATTEMPTS,
            BREAKERS,
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> figures.count(Counted.TICKETS, SINCE))
        .isInstanceOf(FiguresUnavailableException.class)
        .hasMessageContaining("ticket-service could not be asked");
  }

  @Test
  void cutsOffACallThatTakesTooLong() {
    SERVICES.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(count(1, 1).withFixedDelay(5_000)));
    WebClientFigures figures =
        figures(new AttemptSettings(Duration.ofMillis(200), 2, Duration.ofMillis(10)), BREAKERS);

    assertThatThrownBy(() -> figures.count(Counted.TICKETS, SINCE))
        .isInstanceOf(FiguresUnavailableException.class)
        .hasMessageContaining("did not answer within PT0.2S");
    SERVICES.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
  }

  @Test
  void opensTheCircuitOfAFailingOwnerAndNoOtherOne() {
    SERVICES.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(500)));
    answer(COMMENTS, 380, 51);
    WebClientFigures figures =
        figures(
            new AttemptSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(10)),
            new BreakerSettings(50, 4, Duration.ofMinutes(5)));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> figures.count(Counted.TICKETS, SINCE))
          .isInstanceOf(FiguresUnavailableException.class);
    }
    assertThat(figures.circuit(Counted.TICKETS)).isEqualTo(CircuitBreaker.State.OPEN);
    int asked = SERVICES.findAll(getRequestedFor(urlPathEqualTo(TICKETS))).size();

    assertThatThrownBy(() -> figures.count(Counted.TICKETS, SINCE))
        .isInstanceOf(FiguresUnavailableException.class)
        .hasMessageContaining("circuit breaker is open");
    SERVICES.verify(asked, getRequestedFor(urlPathEqualTo(TICKETS)));
    assertThat(figures.count(Counted.COMMENTS, SINCE)).isEqualTo(new Count(380, 51));
    assertThat(figures.circuit(Counted.COMMENTS)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aRefusalDoesNotOpenTheCircuit() {
    SERVICES.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(403)));
    WebClientFigures figures = figures(ATTEMPTS, new BreakerSettings(50, 4, Duration.ofMinutes(5)));

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> figures.count(Counted.TICKETS, SINCE))
          .isInstanceOf(FiguresRefusedException.class);
    }
    assertThat(figures.circuit(Counted.TICKETS)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  private WebClientFigures figures(AttemptSettings attempts, BreakerSettings breakers) {
    String base = SERVICES.baseUrl();
    return WebClientFigures.create(
        WebClient.builder(),
        tokens,
        new OwnerUrls(base, base, base),
        attempts,
        breakers,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static void answer(String path, long total, long createdSince) {
    SERVICES.stubFor(get(urlPathEqualTo(path)).willReturn(count(total, createdSince)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder count(
      long total, long createdSince) {
    return okJson(
        "{\"total\":%d,\"createdSince\":%d,\"since\":\"%s\"}"
            .formatted(total, createdSince, SINCE));
  }
}
