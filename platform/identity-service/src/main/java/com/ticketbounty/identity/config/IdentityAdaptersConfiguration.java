package com.ticketbounty.identity.config;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.identity.adapter.in.events.PasswordChangedAuditProjection;
import com.ticketbounty.identity.adapter.in.web.AttemptLimits;
import com.ticketbounty.identity.adapter.out.messaging.EventRuntimeIdentityEvents;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcAuditLog;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcResetTokens;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcSessions;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcSigningKeyStore;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcUnitOfWork;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcUsers;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcVerificationCodes;
import com.ticketbounty.identity.adapter.out.persistence.SessionsTableEndedSessions;
import com.ticketbounty.identity.adapter.out.security.Argon2PasswordHasher;
import com.ticketbounty.identity.adapter.out.security.ConfiguredServiceClients;
import com.ticketbounty.identity.adapter.out.security.KeyEncryptionKeys;
import com.ticketbounty.identity.adapter.out.security.NimbusAccessTokens;
import com.ticketbounty.identity.adapter.out.security.RingJwkSource;
import com.ticketbounty.identity.adapter.out.security.RotatingSigningKeys;
import com.ticketbounty.identity.adapter.out.security.SealSigningKeysAtRest;
import com.ticketbounty.identity.adapter.out.security.SigningKeyReloads;
import com.ticketbounty.identity.adapter.out.security.SigningKeyResealing;
import com.ticketbounty.identity.adapter.out.security.SigningKeyRing;
import com.ticketbounty.identity.application.AccessTokens;
import com.ticketbounty.identity.application.AuditLog;
import com.ticketbounty.identity.application.IdentityEvents;
import com.ticketbounty.identity.application.PasswordHasher;
import com.ticketbounty.identity.application.RecordPasswordChange;
import com.ticketbounty.identity.application.ResetTokens;
import com.ticketbounty.identity.application.ServiceClients;
import com.ticketbounty.identity.application.SigningKeys;
import com.ticketbounty.identity.application.UnitOfWork;
import com.ticketbounty.identity.application.Users;
import com.ticketbounty.identity.application.VerificationCodes;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import com.ticketbounty.serviceweb.security.EndedSessions;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Which adapter serves which port. Transactions are the reactive (R2DBC) transaction manager's: the
 * JDBC DataSource beside it serves only Flyway and event-runtime's own work. The signing-key ring
 * also backs service-web's token verifier, and the sessions table its ended-session check.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityAdaptersConfiguration {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  @Bean
  UnitOfWork unitOfWork(ReactiveTransactionManager transactionManager) {
    return new R2dbcUnitOfWork(TransactionalOperator.create(transactionManager));
  }

  @Bean
  Users users(DatabaseClient database) {
    return new R2dbcUsers(database);
  }

  @Bean
  R2dbcSessions sessions(DatabaseClient database) {
    return new R2dbcSessions(database);
  }

  @Bean
  ResetTokens resetTokens(DatabaseClient database) {
    return new R2dbcResetTokens(database);
  }

  @Bean
  VerificationCodes verificationCodes(DatabaseClient database) {
    return new R2dbcVerificationCodes(database);
  }

  @Bean
  AuditLog auditLog(DatabaseClient database) {
    return new R2dbcAuditLog(database);
  }

  @Bean
  IdentityEvents identityEvents(TransactionalEventPublisher publisher) {
    return new EventRuntimeIdentityEvents(publisher);
  }

  /** Closed with the context, which stops its hashing threads. */
  @Bean(destroyMethod = "close")
  PasswordHasher passwordHasher() {
    return new Argon2PasswordHasher();
  }

  @Bean
  KeyEncryptionKeys keyEncryptionKeys(IdentityProperties properties) {
    return properties.keys().keyEncryptionKeys();
  }

  /** Boot's Flyway runs the JavaMigration beans in order with the SQL migrations. */
  @Bean
  JavaMigration sealSigningKeysAtRest(KeyEncryptionKeys keyEncryptionKeys) {
    return new SealSigningKeysAtRest(keyEncryptionKeys);
  }

  /**
   * Loaded once the tables exist and every key is sealed with the current key-encryption key;
   * creates the first key on the first start-up.
   */
  @Bean
  @DependsOn("flywayInitializer")
  SigningKeyRing signingKeyRing(
      DatabaseClient database, KeyEncryptionKeys keyEncryptionKeys, Clock clock) {
    R2dbcSigningKeyStore store = new R2dbcSigningKeyStore(database);
    SigningKeyRing ring = new SigningKeyRing(store, keyEncryptionKeys, clock);
    new SigningKeyResealing(store, keyEncryptionKeys)
        .resealAll()
        .then(ring.initialize())
        .block(STARTUP_TIMEOUT);
    return ring;
  }

  @Bean(destroyMethod = "close")
  SigningKeyReloads signingKeyReloads(SigningKeyRing ring, IdentityProperties properties) {
    return new SigningKeyReloads(ring, properties.keys().reloadInterval());
  }

  @Bean
  SigningKeys signingKeys(DatabaseClient database, SigningKeyRing ring) {
    return new RotatingSigningKeys(new R2dbcSigningKeyStore(database), ring);
  }

  @Bean
  AccessTokens accessTokens(SigningKeyRing ring, Clock clock) {
    return new NimbusAccessTokens(ring, clock);
  }

  /** service-web verifies tokens with this instead of fetching identity's own JWKS over HTTP. */
  @Bean
  JWKSource<SecurityContext> accessTokenKeys(SigningKeyRing ring) {
    return new RingJwkSource(ring);
  }

  @Bean
  ServiceClients serviceClients(IdentityProperties properties) {
    return new ConfiguredServiceClients(properties.serviceClients());
  }

  @Bean
  EndedSessions endedSessions(R2dbcSessions sessions) {
    return new SessionsTableEndedSessions(sessions);
  }

  /** Counted in service-web's store on this service's database, shared by every instance. */
  @Bean
  AttemptLimits attemptLimits(AttemptStore store, IdentityProperties properties) {
    return new AttemptLimits(store, properties.rateLimits().attemptsPerMinute());
  }

  /** The bean's name names its queue, {@code <prefix>identity-service.password-changed-audit}. */
  @Bean
  Projection<PasswordChanged> passwordChangedAudit(RecordPasswordChange recordPasswordChange) {
    return PasswordChangedAuditProjection.of(recordPasswordChange);
  }
}
