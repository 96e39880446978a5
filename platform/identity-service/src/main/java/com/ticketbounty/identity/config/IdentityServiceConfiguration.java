package com.ticketbounty.identity.config;

import com.ticketbounty.identity.adapter.out.persistence.R2dbcSessions;
import com.ticketbounty.identity.application.AccessTokens;
import com.ticketbounty.identity.application.AuditLog;
import com.ticketbounty.identity.application.ChangePassword;
import com.ticketbounty.identity.application.CountAccounts;
import com.ticketbounty.identity.application.IdentityEvents;
import com.ticketbounty.identity.application.IssueServiceToken;
import com.ticketbounty.identity.application.PasswordHasher;
import com.ticketbounty.identity.application.RecordPasswordChange;
import com.ticketbounty.identity.application.RefreshSession;
import com.ticketbounty.identity.application.RepublishAccounts;
import com.ticketbounty.identity.application.RequestEmailVerification;
import com.ticketbounty.identity.application.RequestPasswordReset;
import com.ticketbounty.identity.application.ResetPassword;
import com.ticketbounty.identity.application.ResetTokens;
import com.ticketbounty.identity.application.RotateSigningKey;
import com.ticketbounty.identity.application.ServiceClients;
import com.ticketbounty.identity.application.SessionEnds;
import com.ticketbounty.identity.application.SessionStarts;
import com.ticketbounty.identity.application.ShowAccount;
import com.ticketbounty.identity.application.ShowPublicKeys;
import com.ticketbounty.identity.application.SignIn;
import com.ticketbounty.identity.application.SignOut;
import com.ticketbounty.identity.application.SignUp;
import com.ticketbounty.identity.application.SigningKeys;
import com.ticketbounty.identity.application.UnitOfWork;
import com.ticketbounty.identity.application.UpdateProfile;
import com.ticketbounty.identity.application.Users;
import com.ticketbounty.identity.application.VerificationCodes;
import com.ticketbounty.identity.application.VerifyEmail;
import com.ticketbounty.identity.domain.AdminEmails;
import com.ticketbounty.identity.domain.SessionPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, each wired to the ports it needs. */
@Configuration(proxyBeanMethods = false)
public class IdentityServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecureRandom secureRandom() {
    return new SecureRandom();
  }

  /** Checked at start-up: a lifetime that is not positive, or a grace over a minute, stops it. */
  @Bean
  SessionPolicy sessionPolicy(IdentityProperties properties) {
    return properties.sessions().policy();
  }

  @Bean
  SessionStarts sessionStarts(
      R2dbcSessions sessions,
      AccessTokens tokens,
      SessionPolicy policy,
      SecureRandom random,
      Clock clock) {
    return new SessionStarts(sessions, tokens, policy, random, clock);
  }

  @Bean
  SessionEnds sessionEnds(R2dbcSessions sessions, IdentityEvents events, Clock clock) {
    return new SessionEnds(sessions, events, clock);
  }

  @Bean
  SignUp signUp(
      Users users,
      PasswordHasher hasher,
      SessionStarts starts,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new SignUp(users, hasher, starts, events, audit, unitOfWork, clock);
  }

  @Bean
  SignIn signIn(
      Users users,
      PasswordHasher hasher,
      SessionStarts starts,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new SignIn(users, hasher, starts, audit, unitOfWork, clock);
  }

  @Bean
  RefreshSession refreshSession(
      R2dbcSessions sessions,
      Users users,
      SessionStarts starts,
      SessionEnds ends,
      AuditLog audit,
      UnitOfWork unitOfWork,
      SessionPolicy policy,
      SecureRandom random,
      Clock clock) {
    return new RefreshSession(
        sessions, users, starts, ends, audit, unitOfWork, policy, random, clock);
  }

  @Bean
  SignOut signOut(
      R2dbcSessions sessions,
      SessionEnds ends,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new SignOut(sessions, ends, audit, unitOfWork, clock);
  }

  @Bean
  RequestPasswordReset requestPasswordReset(
      Users users,
      ResetTokens tokens,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      IdentityProperties properties,
      SecureRandom random,
      Clock clock) {
    return new RequestPasswordReset(
        users, tokens, events, audit, unitOfWork, properties.appBaseUrl(), random, clock);
  }

  @Bean
  ResetPassword resetPassword(
      Users users,
      ResetTokens tokens,
      PasswordHasher hasher,
      SessionStarts starts,
      SessionEnds ends,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new ResetPassword(users, tokens, hasher, starts, ends, events, audit, unitOfWork, clock);
  }

  @Bean
  RequestEmailVerification requestEmailVerification(
      Users users,
      VerificationCodes codes,
      IdentityEvents events,
      UnitOfWork unitOfWork,
      SecureRandom random,
      Clock clock) {
    return new RequestEmailVerification(users, codes, events, unitOfWork, random, clock);
  }

  @Bean
  VerifyEmail verifyEmail(
      Users users,
      VerificationCodes codes,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      IdentityProperties properties,
      Clock clock) {
    return new VerifyEmail(
        users,
        codes,
        events,
        audit,
        unitOfWork,
        AdminEmails.parse(properties.adminEmails()),
        clock);
  }

  @Bean
  ShowAccount showAccount(Users users) {
    return new ShowAccount(users);
  }

  @Bean
  UpdateProfile updateProfile(
      Users users, IdentityEvents events, UnitOfWork unitOfWork, Clock clock) {
    return new UpdateProfile(users, events, unitOfWork, clock);
  }

  @Bean
  ChangePassword changePassword(
      Users users,
      PasswordHasher hasher,
      SessionEnds ends,
      IdentityEvents events,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new ChangePassword(users, hasher, ends, events, audit, unitOfWork, clock);
  }

  @Bean
  RotateSigningKey rotateSigningKey(
      SigningKeys keys, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    return new RotateSigningKey(keys, audit, unitOfWork, clock);
  }

  @Bean
  RepublishAccounts republishAccounts(
      Users users, IdentityEvents events, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    return new RepublishAccounts(users, events, audit, unitOfWork, clock);
  }

  @Bean
  CountAccounts countAccounts(Users users) {
    return new CountAccounts(users);
  }

  @Bean
  IssueServiceToken issueServiceToken(ServiceClients clients, AccessTokens tokens) {
    return new IssueServiceToken(clients, tokens);
  }

  @Bean
  ShowPublicKeys showPublicKeys(SigningKeys keys) {
    return new ShowPublicKeys(keys);
  }

  @Bean
  RecordPasswordChange recordPasswordChange(AuditLog audit) {
    return new RecordPasswordChange(audit);
  }
}
