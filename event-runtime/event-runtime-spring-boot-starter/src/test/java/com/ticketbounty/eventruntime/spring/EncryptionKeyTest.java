package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The codec's keys: one of the wrong size, current or previous, stops start-up with a clear error
 * (ProductionGuardTest: the prod profile); previous keys come comma-separated from one variable.
 */
class EncryptionKeyTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(UnusedDataSource.class)
          .withConfiguration(AutoConfigurations.of(EventRuntimeAutoConfiguration.class))
          .withPropertyValues("spring.application.name=key-test");

  private final ApplicationContextRunner properties =
      new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

  @Test
  void aKeyOfTheWrongSizeStopsStartUpWithAClearError() {
    runner
        .withPropertyValues(
            "event-runtime.encryption-key=" + Base64.getEncoder().encodeToString(new byte[10]))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("EVENT_ENCRYPTION_KEY must be 256 bits (32 bytes), was 10 bytes"));
  }

  @Test
  void aPreviousKeyThatIsNotAKeyStopsStartUpNamingWhichOne() {
    runner
        .withPropertyValues("event-runtime.previous-encryption-keys=" + KEY + ",not-a-key!")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("previous key 2 of EVENT_ENCRYPTION_PREVIOUS_KEYS is not base64"));
  }

  @Test
  void previousKeysAreReadCommaSeparatedAndNoneWhenTheVariableIsEmpty() {
    properties
        .withPropertyValues("event-runtime.previous-encryption-keys=" + KEY + ", " + KEY)
        .run(
            context ->
                assertThat(context.getBean(EventRuntimeProperties.class).previousEncryptionKeys())
                    .hasSize(2));
    properties
        .withPropertyValues("event-runtime.previous-encryption-keys=")
        .run(
            context -> {
              EventRuntimeProperties bound = context.getBean(EventRuntimeProperties.class);
              assertThat(bound.previousEncryptionKeys()).isEmpty();
              assertThat(bound.acceptV1SealedValues()).isTrue();
            });
  }

  /** Only there to satisfy the auto-configuration's condition; the codec fails before any use. */
  @Configuration(proxyBeanMethods = false)
  static class UnusedDataSource {
    @Bean
    javax.sql.DataSource dataSource() {
      return new SimpleDriverDataSource();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EventRuntimeProperties.class)
  static class PropertiesOnly {}
}
