package com.ticketbounty.serviceweb.ratelimit;

import com.ticketbounty.serviceweb.Pruning;
import com.ticketbounty.serviceweb.ServiceWebSchema;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link AttemptStore} on the service's own database (service-web's schema, migrated by {@link
 * ServiceWebSchema}), and the minute's pruning of keys whose window is over. A service builds its
 * {@link AttemptLimit}s on it, with the limits its configuration names.
 */
@AutoConfiguration(
    afterName = "com.ticketbounty.serviceweb.security.ServiceWebSecurityAutoConfiguration")
@ConditionalOnBean({DataSource.class, ServiceWebSchema.class})
public class AttemptLimitsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AttemptStore attemptStore(DataSource dataSource, ServiceWebSchema schema) {
    return new AttemptStore(dataSource);
  }

  @Bean(destroyMethod = "close")
  Pruning attemptBucketsPruning(AttemptStore store) {
    return Pruning.everyMinute("attempt-buckets", store::forgetIdle);
  }
}
