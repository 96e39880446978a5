package com.ticketbounty.serviceweb.accounts;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.serviceweb.ServiceWebSchema;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The accounts read model, for a service that sets {@code
 * ticketbounty.accounts.read-model.enabled=true} (each projection is a queue of its own, so
 * services that show no usernames do not pay for it).
 */
@AutoConfiguration(
    afterName = {
      "com.ticketbounty.serviceweb.security.ServiceWebSecurityAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration"
    })
@ConditionalOnProperty("ticketbounty.accounts.read-model.enabled")
@ConditionalOnBean({DatabaseClient.class, ServiceWebSchema.class})
public class AccountsReadModelAutoConfiguration {

  @Bean
  AccountNames accountNames(DatabaseClient database) {
    return new AccountNames(database);
  }

  @Bean
  AccountsProjection accountsProjection(DataSource dataSource) {
    return new AccountsProjection(dataSource);
  }

  /** Its queue is {@code <prefix><service>.accounts-created}: the bean's name names it. */
  @Bean
  Projection<AccountCreated> accountsCreated(AccountsProjection projection) {
    return projection.created();
  }

  /** Its queue is {@code <prefix><service>.accounts-profile-updated}. */
  @Bean
  Projection<AccountProfileUpdated> accountsProfileUpdated(AccountsProjection projection) {
    return projection.profileUpdated();
  }
}
