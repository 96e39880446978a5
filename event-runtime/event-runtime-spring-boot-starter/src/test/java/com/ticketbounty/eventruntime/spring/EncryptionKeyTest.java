package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The codec's key: one of the wrong size stops start-up (ProductionGuardTest: the prod profile).
 */
class EncryptionKeyTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(UnusedDataSource.class)
          .withConfiguration(AutoConfigurations.of(EventRuntimeAutoConfiguration.class))
          .withPropertyValues("spring.application.name=key-test");

  @Test
  void aKeyOfTheWrongSizeStopsStartUpWithAClearError() {
    runner
        .withPropertyValues(
            "event-runtime.encryption-key=" + Base64.getEncoder().encodeToString(new byte[10]))
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("256 bits"));
  }

  /** Only there to satisfy the auto-configuration's condition; the codec fails before any use. */
  @Configuration(proxyBeanMethods = false)
  static class UnusedDataSource {
    @Bean
    javax.sql.DataSource dataSource() {
      return new SimpleDriverDataSource();
    }
  }
}
