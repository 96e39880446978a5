package com.ticketbounty.serviceweb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with an {@code /internal} handler that says nothing about its callers does not start.
 */
class InternalRoutesGuardedTest {
  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WebFluxAutoConfiguration.class, ServiceWebSecurityAutoConfiguration.class))
          .withUserConfiguration(NoEndedSessions.class);

  @Test
  void refusesToStartWithAnUnguardedInternalHandler() {
    runner
        .withUserConfiguration(Unguarded.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("declare no InternalCaller or AdminCaller")
                    .hasMessageContaining("/INTERNAL/reports"));
  }

  @Test
  void startsWhenEveryInternalHandlerSaysWhoMayCall() {
    runner.withUserConfiguration(Guarded.class).run(context -> assertThat(context).hasNotFailed());
  }

  @RestController
  static class Unguarded {
    // Mixed case on purpose: a route is internal however it is spelled.
    @GetMapping("/INTERNAL/reports")
    Map<String, String> reports() {
      return Map.of();
    }
  }

  @RestController
  static class Guarded {
    @GetMapping("/internal/reports")
    Map<String, String> reports(InternalCaller caller) {
      return Map.of();
    }

    @GetMapping("/api/reports")
    Map<String, String> publicReports() {
      return Map.of();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NoEndedSessions {
    @Bean
    EndedSessions endedSessions() {
      return new EndedSessions() {
        @Override
        public boolean hasEnded(UUID sessionId) {
          return false;
        }

        @Override
        public void end(UUID sessionId, Instant keepUntil) {}
      };
    }
  }
}
