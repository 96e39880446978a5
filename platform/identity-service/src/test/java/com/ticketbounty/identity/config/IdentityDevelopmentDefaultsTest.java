package com.ticketbounty.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.spring.production.ProductionGuard;
import com.ticketbounty.identity.adapter.out.security.KeyEncryptionKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The prod profile and identity's development key-encryption key: refused as the current key,
 * however it is spelled, and among the previous keys; the guard finds the rule through {@code
 * META-INF/spring.factories}.
 */
class IdentityDevelopmentDefaultsTest {
  private static final String DEVELOPMENT = KeyEncryptionKeys.DEVELOPMENT_KEY;
  private static final String OWN =
      Base64.getEncoder()
          .encodeToString("an-operators-own-kek-of-32-bytes".getBytes(StandardCharsets.UTF_8));

  private final IdentityDevelopmentDefaults defaults = new IdentityDevelopmentDefaults();

  @Test
  void anOwnKeyWithoutPreviousKeysPasses() {
    assertThat(defaults.foundIn(environment(Map.of("identity.keys.encryption-key", OWN))))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aWRlbnRpdHkta2VrLWRldmVsb3BtZW50LW9ubHktMzI=",
        "aWRlbnRpdHkta2VrLWRldmVsb3BtZW50LW9ubHktMzI",
        "  aWRlbnRpdHkta2VrLWRl\\ndmVsb3BtZW50LW9ubHktMzI== "
      })
  void theDevelopmentKeyIsRefusedHoweverItIsSpelled(String spelling) {
    String key = spelling.replace("\\n", "\n");
    assertThat(defaults.foundIn(environment(Map.of("identity.keys.encryption-key", key))))
        .containsExactly(
            "The prod profile refuses IDENTITY_KEY_ENCRYPTION_KEY: it is the development key;"
                + " set a 256-bit key of your own in base64.");
  }

  @Test
  void noKeyAtAllIsTheDevelopmentKey() {
    assertThat(defaults.foundIn(environment(Map.of())))
        .singleElement()
        .asString()
        .startsWith("The prod profile refuses IDENTITY_KEY_ENCRYPTION_KEY:");
  }

  @Test
  void theDevelopmentKeyAmongThePreviousKeysIsRefused() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("identity.keys.encryption-key", OWN);
    settings.put("identity.keys.previous-encryption-keys", OWN + "," + DEVELOPMENT);

    assertThat(defaults.foundIn(environment(settings)))
        .singleElement()
        .asString()
        .startsWith("The prod profile refuses IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS:");
  }

  @Test
  void theDefaultOfApplicationYmlIsTheDevelopmentKey() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));

    assertThat(environment.getProperty("identity.keys.encryption-key")).isEqualTo(DEVELOPMENT);
    assertThat(defaults.foundIn(environment)).hasSize(1);
  }

  @Test
  void theProductionGuardFindsTheRuleAndStopsTheStart() {
    Map<String, Object> settings = new HashMap<>();
    // Production values for everything event-runtime checks, so that only identity's rule speaks.
    settings.put(
        "event-runtime.encryption-key",
        Base64.getEncoder()
            .encodeToString("an-operators-event-key-32-bytes!".getBytes(StandardCharsets.UTF_8)));
    settings.put("event-runtime.rabbitmq.username", "identity");
    settings.put("event-runtime.rabbitmq.password", "s3cret-broker");
    settings.put("spring.datasource.url", "jdbc:postgresql://db/identity");
    settings.put("spring.datasource.password", "s3cret-db");
    settings.put("identity.keys.encryption-key", DEVELOPMENT);
    StandardEnvironment environment = environment(settings);
    environment.setActiveProfiles(ProductionGuard.PROFILE);

    assertThatThrownBy(
            () ->
                new ProductionGuard().postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The prod profile refuses IDENTITY_KEY_ENCRYPTION_KEY: it is the development key;"
                + " set a 256-bit key of your own in base64.");

    settings.put("identity.keys.encryption-key", OWN);
    StandardEnvironment production = environment(settings);
    production.setActiveProfiles(ProductionGuard.PROFILE);
    new ProductionGuard().postProcessEnvironment(production, new SpringApplication());
  }

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return environment;
  }
}
