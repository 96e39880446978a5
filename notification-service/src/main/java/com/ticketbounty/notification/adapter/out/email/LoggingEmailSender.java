package com.ticketbounty.notification.adapter.out.email;

import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.domain.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the provider when {@code EMAIL_BASE_URL} is unset (local runs): one log line per
 * e-mail with its recipients, subject and key. The bodies are left out: they may hold links that
 * act as credentials (password reset).
 */
public final class LoggingEmailSender implements EmailSender {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingEmailSender.class);

  @Override
  public void send(Email email, String idempotencyKey) {
    LOG.info(
        "E-mail not sent (EMAIL_BASE_URL is unset): to={} subject=\"{}\" idempotencyKey={}",
        email.to(),
        email.subject(),
        idempotencyKey);
  }
}
