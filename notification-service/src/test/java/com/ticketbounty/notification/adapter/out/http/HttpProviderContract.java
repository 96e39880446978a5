package com.ticketbounty.notification.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.ticketbounty.eventruntime.test.TestClock;
import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import com.ticketbounty.testsupport.TcpProxy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every HTTP provider adapter promises (DESIGN.md §9), run against WireMock by each adapter's
 * own test class: a 2xx is success; a 4xx other than 408/429 is rejected for good; 408, 429, 5xx, a
 * timeout, an unreachable provider and an open circuit are unavailable, with the provider's {@code
 * Retry-After}; and no failure shows the URL, a webhook's secret.
 */
abstract class HttpProviderContract {
  /** The time the adapters' clock stands at: {@code Retry-After} dates count from it. */
  static final Instant NOW = Instant.parse("2015-10-21T07:27:30Z");

  static final Duration PATIENT = Duration.ofSeconds(5);

  /** How long {@link ProviderClient#circuitBreakerConfig()} keeps a circuit open. */
  static final Duration OPEN_FOR = Duration.ofSeconds(30);

  @RegisterExtension
  static final WireMockExtension PROVIDER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** One call through the adapter under test. */
  @FunctionalInterface
  interface Call {
    void run();
  }

  /** Where the adapter posts, below the base URL it is given. */
  abstract String path();

  /** The adapter posting to {@code baseUrl} (the WireMock server or an unreachable port). */
  abstract Call adapter(String baseUrl, Duration timeout, Clock clock);

  abstract Class<? extends ProviderRejectedException> rejected();

  abstract Class<? extends ProviderUnavailableException> unavailable();

  /** The adapter at WireMock, with a clock standing at {@link #NOW}. */
  Call adapter(Duration timeout) {
    return adapter(PROVIDER.baseUrl(), timeout, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  void answer(ResponseDefinitionBuilder response) {
    PROVIDER.stubFor(post(path()).willReturn(response));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 202, 204})
  void succeedsOnA2xx(int status) {
    answer(aResponse().withStatus(status).withBody(status == 204 ? "" : "ok"));

    assertThatNoException().isThrownBy(() -> adapter(PATIENT).run());
    PROVIDER.verify(1, postRequestedFor(urlEqualTo(path())));
  }

  @Test
  void treatsAServerErrorAsUnavailableWithoutRetryAfter() {
    answer(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}"));

    ProviderUnavailableException failure = unavailableFrom(adapter(PATIENT));

    assertThat(failure).hasMessageContaining("500").hasMessageContaining("boom");
    assertThat(failure.retryAfter()).isEmpty();
  }

  @Test
  void passesOnTheRetryAfterSecondsOfA503() {
    answer(aResponse().withStatus(503).withHeader("Retry-After", "7"));

    assertThat(unavailableFrom(adapter(PATIENT)).retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void turnsARetryAfterDateIntoTheTimeLeftUntilThen() {
    answer(aResponse().withStatus(503).withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));

    assertThat(unavailableFrom(adapter(PATIENT)).retryAfter()).contains(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 410, 422})
  void treatsAClientErrorAsARejectionForGood(int status) {
    answer(aResponse().withStatus(status).withBody("{\"message\":\"invalid_payload\"}"));

    Throwable failure = catchThrowable(() -> adapter(PATIENT).run());

    assertThat(failure)
        .isInstanceOf(rejected())
        .isNotInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining(String.valueOf(status))
        .hasMessageContaining("invalid_payload");
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429})
  void treatsRequestTimeoutAndTooManyRequestsAsUnavailable(int status) {
    answer(aResponse().withStatus(status).withHeader("Retry-After", "2"));

    ProviderUnavailableException failure = unavailableFrom(adapter(PATIENT));

    assertThat(failure).hasMessageContaining(String.valueOf(status));
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void givesUpOnASlowProviderAfterTheTimeout() {
    answer(aResponse().withStatus(200).withFixedDelay(5_000));

    ProviderUnavailableException failure = unavailableFrom(adapter(Duration.ofMillis(250)));

    assertThat(failure).hasCauseInstanceOf(TimeoutException.class);
    assertThat(failure.retryAfter()).isEmpty();
  }

  @Test
  void treatsAnUnreachableProviderAsUnavailable() {
    String nowhere = "http://127.0.0.1:" + TcpProxy.freePort();

    Throwable failure = catchThrowable(() -> adapter(nowhere, PATIENT, Clock.systemUTC()).run());

    assertThat(failure).isInstanceOf(unavailable()).hasMessageContaining("call failed");
    assertThat(rendered(failure)).doesNotContain(path());
  }

  @Test
  void stopsCallingAFailingProviderOnceItsCircuitOpens() {
    answer(aResponse().withStatus(503));
    Call adapter = adapter(PATIENT);

    for (int call = 0; call < 5; call++) {
      assertThat(unavailableFrom(adapter)).hasMessageContaining("503");
    }
    ProviderUnavailableException refused = unavailableFrom(adapter);

    assertThat(refused).hasCauseInstanceOf(CallNotPermittedException.class);
    assertThat(refused).hasMessageContaining("circuit is open");
    assertThat(refused.retryAfter())
        .as("the whole open time is left, and a second")
        .contains(OPEN_FOR.plusSeconds(1));
    PROVIDER.verify(5, postRequestedFor(urlEqualTo(path())));
  }

  @Test
  void anOpenCircuitAsksToBeTriedAgainWhenItLetsATrialCallThrough() {
    TestClock clock = new TestClock(NOW);
    Call adapter = adapter(PROVIDER.baseUrl(), PATIENT, clock);
    answer(aResponse().withStatus(503));
    for (int call = 0; call < 5; call++) {
      unavailableFrom(adapter);
    }

    clock.advance(Duration.ofSeconds(18));
    assertThat(unavailableFrom(adapter).retryAfter()).contains(Duration.ofSeconds(13));

    // Retried when it said, the step finds the provider back and the circuit letting it through.
    answer(aResponse().withStatus(200).withBody("ok"));
    clock.advance(Duration.ofSeconds(13));
    assertThatNoException().isThrownBy(adapter::run);
    PROVIDER.verify(6, postRequestedFor(urlEqualTo(path())));
  }

  @Test
  void keepsCallingAProviderThatOnlyRejectsBadRequests() {
    answer(aResponse().withStatus(422));
    Call adapter = adapter(PATIENT);

    for (int call = 0; call < 8; call++) {
      assertThat(catchThrowable(adapter::run)).isInstanceOf(rejected());
    }

    PROVIDER.verify(8, postRequestedFor(urlEqualTo(path())));
  }

  @Test
  void showsTheUrlInNoFailure() {
    answer(aResponse().withStatus(500));

    Throwable failure = catchThrowable(() -> adapter(PATIENT).run());

    assertThat(failure).isInstanceOf(unavailable());
    assertThat(rendered(failure)).doesNotContain(path());
  }

  ProviderUnavailableException unavailableFrom(Call adapter) {
    Throwable failure = catchThrowable(adapter::run);
    assertThat(failure).isInstanceOf(unavailable());
    return (ProviderUnavailableException) failure;
  }

  /** The failure as a log shows it: message, causes and suppressed exceptions with traces. */
  static String rendered(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
