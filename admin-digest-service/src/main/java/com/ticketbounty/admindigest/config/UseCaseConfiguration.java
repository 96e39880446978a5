package com.ticketbounty.admindigest.config;

import com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction;
import com.ticketbounty.admindigest.application.CountForDigest;
import com.ticketbounty.admindigest.application.Figures;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use case, typed by its port, and the durable function the event runtime picks up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminDigestProperties.class)
public class UseCaseConfiguration {

  @Bean
  CountForDigest countForDigest(Figures figures) {
    return new CountForDigest(figures);
  }

  @Bean
  DurableFunction prepareAdminDigest(
      CountForDigest countForDigest, AdminDigestProperties properties) {
    AdminDigestProperties.Steps steps = properties.steps();
    return new PrepareAdminDigestFunction(
            countForDigest,
            properties.schedule(),
            new RetryPolicy(steps.retries(), steps.initialDelay(), steps.maxDelay()))
        .function();
  }
}
