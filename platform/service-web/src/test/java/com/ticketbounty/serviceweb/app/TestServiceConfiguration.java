package com.ticketbounty.serviceweb.app;

import com.ticketbounty.serviceweb.problem.ServiceProblemDetails;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@Configuration(proxyBeanMethods = false)
class TestServiceConfiguration {
  @Bean
  TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
    return TransactionalOperator.create(transactions);
  }

  @Bean
  AttemptLimit wishes(AttemptStore store) {
    return AttemptLimit.perMinute(store, "wishes", 2);
  }

  @RestControllerAdvice
  static class Problems extends ServiceProblemDetails {}
}
