package com.ticketbounty.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * HSTS only under the prod profile: the gateway's own configuration files, read as Boot reads them,
 * and the filter without it. (Every other header, on every kind of answer, is {@code
 * GatewaySecurityHeadersTest}'s.)
 */
class SecurityHeadersTest {
  private static final String HSTS = "Strict-Transport-Security";

  @Test
  void asksForStrictTransportSecurityUnderTheProdProfileOnly() {
    assertThat(configured().strictTransportSecurity()).isEmpty();
    assertThat(configured("prod").strictTransportSecurity())
        .isEqualTo("max-age=31536000; includeSubDomains");
  }

  @Test
  void sendsNoStrictTransportSecurityWithoutItNotEvenAServicesOwn() {
    SecurityHeaders filter = new SecurityHeaders(configured());
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets"));

    filter
        .filter(
            exchange,
            chained -> {
              chained.getResponse().getHeaders().set(HSTS, "max-age=63072000");
              return chained.getResponse().setComplete();
            })
        .block();

    assertThat(exchange.getResponse().getHeaders().containsHeader(HSTS)).isFalse();
    assertThat(exchange.getResponse().getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void matchesTheNeverStoredPathsAsTheServicesMatchThem() {
    SecurityHeaders filter = new SecurityHeaders(configured());
    for (String path : List.of("/api/account", "/api/auth/sign%2Din", "/api/account;x=1")) {
      MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));

      filter.filter(exchange, chained -> chained.getResponse().setComplete()).block();

      assertThat(exchange.getResponse().getHeaders().getCacheControl())
          .as(path)
          .isEqualTo("no-store");
    }
  }

  private static SecurityHeadersProperties configured(String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    ConfigDataEnvironmentPostProcessor.applyTo(
        environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), List.of(profiles));
    return Binder.get(environment)
        .bindOrCreate("gateway.security-headers", SecurityHeadersProperties.class);
  }
}
