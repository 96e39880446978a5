package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One system started through the README's run command for every system test that needs one
 * (DESIGN.md §11: the test command stays within minutes), with a WireMock e-mail provider. It is
 * stopped, and what it left on the shared servers removed, when the whole test run ends.
 *
 * <p>Every attempt limit is raised (the gateway's, identity's, tickets and comments per minute),
 * since the suite signs up, signs in and posts far more than a minute allows from one address; the
 * services' own tests and {@link TwoInstanceLimitsSystemTest} prove the default limits.
 */
final class SharedSystem implements BeforeAllCallback {
  static final String ADMIN_EMAIL = "admin@system-test.example";

  /** A second administrator, for tests that need one whatever the others did. */
  static final String OPERATOR_EMAIL = "operator@system-test.example";

  /** A third, whose sessions the security tests end. */
  static final String SECURITY_EMAIL = "security@system-test.example";

  /** A fourth, whose role and digests the workflow tests follow. */
  static final String WORKFLOWS_EMAIL = "workflows@system-test.example";

  /** A fifth, who operates the system through the gateway's operations API. */
  static final String OPS_EMAIL = "ops@system-test.example";

  /** A sixth, who signs in to the operations console in a browser. */
  static final String CONSOLE_EMAIL = "console@system-test.example";

  /** A seventh, who reads runs for the telemetry tests. */
  static final String TELEMETRY_EMAIL = "telemetry@system-test.example";

  /** How long the welcome e-mail waits after sign-up (PT15M by default). */
  static final Duration WELCOME_EMAIL_DELAY = Duration.ofSeconds(6);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedSystem.class);
  private static volatile Started started;

  @Override
  public void beforeAll(ExtensionContext context) {
    started =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent("system", key -> Attempt.of(), Attempt.class)
            .startedOrThrow();
  }

  /**
   * The one attempt to start the system, kept whether it worked or not: a system that did not start
   * is not started again for every later test class (minutes each), and each of them fails with the
   * first reason. A system that stopped after it was ready fails them with run.sh's own account of
   * which process exited, instead of a connection refused per request.
   */
  private record Attempt(@Nullable Started started, @Nullable RuntimeException failure)
      implements AutoCloseable {
    static Attempt of() {
      try {
        return new Attempt(Started.start(), null);
      } catch (RuntimeException e) {
        return new Attempt(null, e);
      }
    }

    Started startedOrThrow() {
      if (started == null) {
        throw new IllegalStateException(
            "the shared test system did not start earlier in this run", failure);
      }
      if (!started.system.isAlive()) {
        throw new IllegalStateException(
            "the shared test system stopped while the tests ran; run.sh said:\n"
                + started.system.outputTail(60));
      }
      return started;
    }

    @Override
    public void close() throws Exception {
      if (started != null) {
        started.close();
      }
    }
  }

  static RunCommand system() {
    return started.system;
  }

  /** One WireMock server standing in for every provider: e-mail, Slack, Discord, analytics. */
  static WireMockServer emailProvider() {
    return started.emails;
  }

  static Providers providers() {
    return new Providers(started.emails);
  }

  static Api api() {
    return new Api(started.system.gateway());
  }

  /** The Zipkin server every process of the shared system exports its spans to. */
  static TraceBackend traces() {
    return started.traces;
  }

  private record Started(RunCommand system, WireMockServer emails, TraceBackend traces)
      implements AutoCloseable {
    static Started start() {
      WireMockServer emails = new WireMockServer(wireMockConfig().dynamicPort());
      emails.start();
      Providers.stubHealthy(emails);
      TraceBackend traces;
      try {
        // Zipkin starts while run.sh does; spans sent before it listens are only lost, not fatal.
        traces = TraceBackend.start();
      } catch (Exception e) {
        emails.stop();
        throw new IllegalStateException("the trace backend did not start", e);
      }
      try {
        RunCommand system =
            RunCommand.start(
                "shared",
                Map.ofEntries(
                    Map.entry("EMAIL_BASE_URL", emails.baseUrl()),
                    Map.entry("EMAIL_API_KEY", "re_test_key"),
                    Map.entry("SLACK_WEBHOOK_URL", emails.baseUrl() + Providers.SLACK),
                    Map.entry("DISCORD_WEBHOOK_URL", emails.baseUrl() + Providers.DISCORD),
                    Map.entry("ANALYTICS_BASE_URL", emails.baseUrl()),
                    Map.entry("APP_BASE_URL", Providers.APP_BASE_URL),
                    Map.entry("WELCOME_EMAIL_DELAY", WELCOME_EMAIL_DELAY.toString()),
                    Map.entry("ZIPKIN_ENDPOINT", traces.spansEndpoint()),
                    Map.entry("LOG_FORMAT", "json"),
                    Map.entry(
                        "ADMIN_EMAILS",
                        String.join(
                            ",",
                            ADMIN_EMAIL,
                            OPERATOR_EMAIL,
                            SECURITY_EMAIL,
                            WORKFLOWS_EMAIL,
                            OPS_EMAIL,
                            CONSOLE_EMAIL,
                            TELEMETRY_EMAIL)),
                    Map.entry("IDENTITY_RATELIMITS_ATTEMPTSPERMINUTE", "1000000"),
                    Map.entry("GATEWAY_RATELIMITS_ATTEMPTSPERMINUTE", "1000000"),
                    Map.entry("TICKETSERVICE_RATELIMITS_TICKETSPERMINUTE", "1000000"),
                    Map.entry("COMMENTSERVICE_RATELIMITS_COMMENTSPERMINUTE", "1000000")));
        try {
          traces.awaitUp();
        } catch (RuntimeException notUp) {
          system.close();
          throw notUp;
        }
        return new Started(system, emails, traces);
      } catch (Exception e) {
        emails.stop();
        try {
          traces.close();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the shared test system did not start", e);
      }
    }

    @Override
    public void close() throws Exception {
      try {
        system.close();
      } finally {
        emails.stop();
        traces.close();
      }
    }
  }
}
