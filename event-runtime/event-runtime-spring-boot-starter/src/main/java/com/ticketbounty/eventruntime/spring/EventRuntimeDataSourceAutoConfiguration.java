package com.ticketbounty.eventruntime.spring;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/**
 * A JDBC pool for R2DBC services. Spring Boot creates no {@code DataSource} once an R2DBC {@code
 * ConnectionFactory} exists, yet the runtime's store and every service's Flyway migrations speak
 * JDBC; so the runtime builds one from {@code spring.datasource.*} and {@code
 * spring.datasource.hikari.*}. Its size, unless set there, is derived by {@link PoolSizing} from
 * the threads that use it (DESIGN.md §6 fits every service in 100 connections).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration"
    },
    beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    before = EventRuntimeAutoConfiguration.class)
@ConditionalOnMissingBean(DataSource.class)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(DataSourceProperties.class)
public class EventRuntimeDataSourceAutoConfiguration {

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DataSourceProperties properties) {
    HikariDataSource dataSource =
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    dataSource.setPoolName("event-runtime-jdbc");
    return dataSource;
  }
}
