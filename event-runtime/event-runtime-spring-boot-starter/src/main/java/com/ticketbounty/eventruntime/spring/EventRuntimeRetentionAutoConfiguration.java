package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.postgres.RetentionPruner;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Prunes the runtime's finished records after the retention period (default 7 days). */
@AutoConfiguration(after = EventRuntimeAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "event-runtime.retention.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionProperties.class)
public class EventRuntimeRetentionAutoConfiguration {

  @Bean
  RetentionSchedule eventRuntimeRetention(DataSource dataSource, RetentionProperties properties) {
    return new RetentionSchedule(
        new RetentionPruner(dataSource, properties.batchSize()), properties);
  }
}
