package com.ticketbounty.serviceweb.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.ticketbounty.eventruntime.spring.operations.OperationsAccess;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.serviceweb.Pruning;
import com.ticketbounty.serviceweb.ServiceWebSchema;
import java.net.MalformedURLException;
import java.net.URI;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Access-token verification for a reactive service: the verifier (keys from the JWKS URI unless the
 * service provides its own {@link JWKSource}), the {@link BearerTokenFilter}, the {@link Caller},
 * {@link AdminCaller} and {@link InternalCaller} arguments with the start-up check that every
 * {@code /internal} handler declares one, the operations API's access, and — unless the service
 * provides its own {@link EndedSessions} — the ended sessions in the service's database, fed by
 * {@code app/auth.session-ended} and pruned every minute.
 */
@AutoConfiguration(
    afterName = "com.ticketbounty.eventruntime.spring.EventRuntimeDataSourceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceWebSecurityAutoConfiguration {
  private static final int TIMEOUT_MILLIS = 5_000;

  @Bean
  @ConditionalOnMissingBean
  JWKSource<SecurityContext> accessTokenKeys(SecurityProperties properties) {
    try {
      return JWKSourceBuilder.create(
              URI.create(properties.jwksUri()).toURL(),
              new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, 64 * 1024))
          .retrying(true)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JWKS URI: " + properties.jwksUri(), e);
    }
  }

  @Bean
  AccessTokenVerifier accessTokenVerifier(JWKSource<SecurityContext> keys) {
    return new AccessTokenVerifier(keys);
  }

  @Bean
  BearerTokenFilter bearerTokenFilter(AccessTokenVerifier verifier, EndedSessions endedSessions) {
    return new BearerTokenFilter(verifier, endedSessions);
  }

  @Bean
  ForwardedHeaders forwardedHeaders(AccessTokenVerifier verifier, SecurityProperties properties) {
    return new ForwardedHeaders(verifier, properties.gatewayClientId());
  }

  /** event-runtime's operations API admits a verified ADMIN, as every guarded endpoint would. */
  @Bean
  OperationsAccess operationsAccess() {
    return new ServiceWebOperationsAccess();
  }

  @Bean
  InternalRoutesGuarded internalRoutesGuarded(
      ObjectProvider<RequestMappingHandlerMapping> mappings) {
    return new InternalRoutesGuarded(mappings);
  }

  @Bean
  WebFluxConfigurer callerArgument() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver());
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(DataSource.class)
  ServiceWebSchema serviceWebSchema(DataSource dataSource) {
    return new ServiceWebSchema(dataSource);
  }

  /** The service's own ended sessions, unless it keeps sessions itself (identity-service). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(EndedSessions.class)
  @ConditionalOnBean(DataSource.class)
  static class DatabaseEndedSessions {

    @Bean
    JdbcEndedSessions endedSessions(DataSource dataSource, ServiceWebSchema schema) {
      return new JdbcEndedSessions(dataSource);
    }

    /** The bean's name names its queue, {@code <prefix><service>.session-ended}. */
    @Bean
    Projection<SessionEnded> sessionEnded(JdbcEndedSessions endedSessions) {
      return SessionEndedProjection.feeding(endedSessions);
    }

    @Bean(destroyMethod = "close")
    Pruning endedSessionsPruning(JdbcEndedSessions endedSessions) {
      return Pruning.everyMinute("ended-sessions", endedSessions::prune);
    }
  }
}
