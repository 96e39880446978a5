package com.ticketbounty.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The service clients identity-service registers in application.yml, each refused by the prod
 * profile while identity knows it by its development secret.
 */
class ServiceClientSecretsDevelopmentDefaultsTest {
  private final ServiceClientSecretsDevelopmentDefaults defaults =
      new ServiceClientSecretsDevelopmentDefaults();

  @Test
  void everyRegisteredClientsDevelopmentSecretIsRefusedByItsVariable() throws IOException {
    assertThat(defaults.foundIn(applicationYml(Map.of())))
        .extracting(refusal -> refusal.substring(0, refusal.indexOf(':')))
        .containsExactly(
            "The prod profile refuses ADMIN_DIGEST_SERVICE_CLIENT_SECRET",
            "The prod profile refuses COMMENT_SERVICE_CLIENT_SECRET",
            "The prod profile refuses GATEWAY_CLIENT_SECRET");
  }

  @Test
  void aClientWithASecretOfItsOwnPasses() throws IOException {
    StandardEnvironment environment =
        applicationYml(
            Map.of(
                "identity.service-clients.admin-digest-service", "an-operators-digest-secret",
                "identity.service-clients.comment-service", "an-operators-comment-secret"));

    assertThat(defaults.foundIn(environment))
        .singleElement()
        .asString()
        .startsWith("The prod profile refuses GATEWAY_CLIENT_SECRET:");
  }

  /** application.yml as the service reads it, under {@code settings} (which outrank it). */
  private static StandardEnvironment applicationYml(Map<String, Object> settings)
      throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return environment;
  }
}
