package com.ticketbounty.serviceweb.idempotency;

import com.ticketbounty.serviceweb.Pruning;
import com.ticketbounty.serviceweb.ServiceWebSchema;
import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotentRequests} where the service has R2DBC; answers are kept 24 hours. */
@AutoConfiguration(
    afterName = {
      "com.ticketbounty.serviceweb.security.ServiceWebSecurityAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"
    })
@ConditionalOnClass({ConnectionFactory.class, DatabaseClient.class})
@ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class, ServiceWebSchema.class})
public class IdempotencyAutoConfiguration {

  @Bean
  IdempotentRequests idempotentRequests(
      DatabaseClient database, ReactiveTransactionManager transactions, JsonMapper mapper) {
    return new IdempotentRequests(database, TransactionalOperator.create(transactions), mapper);
  }

  @Bean(destroyMethod = "close")
  Pruning idempotentRequestsPruning(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return Pruning.everyMinute(
        "idempotent-requests",
        () ->
            jdbc.sql(
                    "DELETE FROM service_web.idempotent_requests"
                        + " WHERE created_at < now() - interval '24 hours'")
                .update());
  }
}
