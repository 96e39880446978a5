package com.ticketbounty.eventruntime.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The JDBC pool counts the projections' threads: the runtime's consumer runs {@code
 * event-runtime.consumer.threads} of them, the binder one per projection up to that limit; each may
 * hold a connection, and so does the projections' dead-letter drain.
 */
class ProjectionPoolSizeTest {
  private static final String SERVICE = "projections-pool";
  private static final TestDatabase DATABASE = TestDatabase.create("projections_pool");
  private static final TestRabbit RABBIT = new TestRabbit();

  static {
    ProjectionContract.createTables(DATABASE);
  }

  @AfterAll
  static void cleanUp() {
    ProjectionContract.cleanUp(RABBIT, SERVICE);
    DATABASE.close();
  }

  @Test
  void theBinderCountsOneThreadPerProjectionUpToTheLimit() {
    // relay + pruner + min(5, 3 projections) + the projections' drain, and 2 for the service
    assertThat(poolSize("binder")).isEqualTo(1 + 1 + 3 + 1 + 2);
  }

  @Test
  void theRuntimesConsumerCountsItsPool() {
    // relay + pruner + 5 consumer threads + the projections' drain, and 2 for the service
    assertThat(poolSize("runtime")).isEqualTo(1 + 1 + 5 + 1 + 2);
  }

  private static int poolSize(String consumer) {
    try (ConfigurableApplicationContext service =
        new SpringApplicationBuilder(ProjectionContract.App.class)
            .run(
                "--spring.main.web-application-type=none",
                "--spring.application.name=" + SERVICE,
                "--spring.datasource.url=" + DATABASE.jdbcUrl(),
                "--spring.datasource.username=" + DATABASE.user(),
                "--spring.r2dbc.url=" + DATABASE.r2dbcUrl(),
                "--spring.r2dbc.username=" + DATABASE.user(),
                "--event-runtime.name-prefix=" + RABBIT.prefix(),
                "--event-runtime.consumer.threads=5",
                "--event-runtime.projections.consumer=" + consumer)) {
      return service.getBean(HikariDataSource.class).getMaximumPoolSize();
    }
  }
}
