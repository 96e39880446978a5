package com.ticketbounty.eventruntime.spring.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The prod profile and event-runtime's development defaults: each one alone stops start-up with a
 * line naming the variable to set; production values, or another profile, start.
 */
class ProductionGuardTest {
  private static final String OWN_KEY =
      Base64.getEncoder().encodeToString("an-operator-chose-this-32-bytes!".getBytes());

  private static final String OLD_KEY =
      Base64.getEncoder()
          .encodeToString("the-key-this-operator-used-before".substring(0, 32).getBytes());

  private final ProductionGuard guard = new ProductionGuard();

  @Test
  void productionValuesStart() {
    guard.postProcessEnvironment(prod(production()), new SpringApplication());
  }

  @Test
  void anotherProfileStartsOnDevelopmentDefaults() {
    StandardEnvironment environment = environment(Map.of());
    guard.postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void theDevelopmentEventKeyIsRefusedHoweverItIsSpelled() {
    String key = EventRuntimeProperties.DEVELOPMENT_KEY;
    for (String spelling :
        new String[] {key, key.replace("=", ""), " " + key + "\n", key.replace('/', '_')}) {
      Map<String, Object> settings = production();
      settings.put("event-runtime.encryption-key", spelling);
      assertRefused(settings, "EVENT_ENCRYPTION_KEY");
    }
    Map<String, Object> unset = production();
    unset.remove("event-runtime.encryption-key");
    assertRefused(unset, "EVENT_ENCRYPTION_KEY");
  }

  @Test
  void theDevelopmentEventKeyAmongThePreviousKeysIsRefused() {
    String key = EventRuntimeProperties.DEVELOPMENT_KEY;
    Map<String, Object> commaSeparated = production();
    commaSeparated.put(
        "event-runtime.previous-encryption-keys", OLD_KEY + "," + key.replace("=", ""));
    assertRefused(commaSeparated, "EVENT_ENCRYPTION_PREVIOUS_KEYS");

    Map<String, Object> listed = production();
    listed.put("event-runtime.previous-encryption-keys[0]", OLD_KEY);
    listed.put("event-runtime.previous-encryption-keys[1]", " " + key);
    assertRefused(listed, "EVENT_ENCRYPTION_PREVIOUS_KEYS");
  }

  @Test
  void previousKeysOfAnOperatorsOwnStart() {
    Map<String, Object> settings = production();
    settings.put("event-runtime.previous-encryption-keys", OLD_KEY);

    guard.postProcessEnvironment(prod(settings), new SpringApplication());
  }

  @Test
  void guestGuestIsRefused() {
    Map<String, Object> settings = production();
    settings.remove("event-runtime.rabbitmq.username");
    settings.remove("event-runtime.rabbitmq.password");
    assertRefused(settings, "RABBITMQ_USERNAME/RABBITMQ_PASSWORD");
  }

  @Test
  void anEmptyOrPostgresDatabasePasswordIsRefused() {
    for (String password : new String[] {"", "postgres", "Postgres"}) {
      Map<String, Object> settings = production();
      settings.put("spring.datasource.password", password);
      assertRefused(settings, "DB_PASSWORD");
    }
    Map<String, Object> r2dbc = production();
    r2dbc.put("spring.r2dbc.url", "r2dbc:postgresql://db/tickets");
    assertRefused(r2dbc, "DB_PASSWORD");
  }

  @Test
  void theSuperuserAsDatabaseUserIsRefused() {
    for (String user : new String[] {"postgres", "Postgres"}) {
      Map<String, Object> settings = production();
      settings.put("spring.datasource.username", user);
      assertRefused(settings, "DB_USER");
    }
    Map<String, Object> r2dbc = production();
    r2dbc.put("spring.r2dbc.url", "r2dbc:postgresql://db/tickets");
    r2dbc.put("spring.r2dbc.username", "postgres");
    r2dbc.put("spring.r2dbc.password", "s3cret-db");
    assertRefused(r2dbc, "DB_USER");
  }

  @Test
  void everyFindingIsNamedAtOnce() {
    assertThat(
            ProductionGuard.refusals(
                prod(
                    Map.of(
                        "spring.datasource.url", "jdbc:postgresql://db/x",
                        "spring.datasource.username", "postgres")),
                getClass().getClassLoader()))
        .hasSize(4)
        .allSatisfy(line -> assertThat(line).startsWith("The prod profile refuses "));
  }

  private void assertRefused(Map<String, Object> settings, String variable) {
    assertThatThrownBy(() -> guard.postProcessEnvironment(prod(settings), new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The prod profile refuses " + variable + ":")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  private static Map<String, Object> production() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("event-runtime.encryption-key", OWN_KEY);
    settings.put("event-runtime.rabbitmq.username", "tickets");
    settings.put("event-runtime.rabbitmq.password", "s3cret-broker");
    settings.put("spring.datasource.url", "jdbc:postgresql://db/tickets");
    settings.put("spring.datasource.username", "tickets");
    settings.put("spring.datasource.password", "s3cret-db");
    return settings;
  }

  private static StandardEnvironment prod(Map<String, Object> settings) {
    StandardEnvironment environment = environment(settings);
    environment.setActiveProfiles(ProductionGuard.PROFILE);
    return environment;
  }

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return environment;
  }
}
