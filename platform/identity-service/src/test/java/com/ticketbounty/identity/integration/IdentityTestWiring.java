package com.ticketbounty.identity.integration;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test's clock, and consumers that read the sealed fields as notification-service would. */
@TestConfiguration(proxyBeanMethods = false)
class IdentityTestWiring {

  @Bean
  @Primary
  MutableClock testClock() {
    return IdentityServiceTest.CLOCK;
  }

  @Bean
  Subscription<PasswordResetRequested> testResetLinks() {
    return SealedFields.resetLinks();
  }

  @Bean
  Subscription<EmailVerificationCodeRequested> testVerificationCodes() {
    return SealedFields.codes();
  }
}
