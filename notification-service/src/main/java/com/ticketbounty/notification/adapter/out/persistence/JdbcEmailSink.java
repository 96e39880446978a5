package com.ticketbounty.notification.adapter.out.persistence;

import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.application.EmailSink;
import com.ticketbounty.notification.application.SinkEmail;
import com.ticketbounty.notification.domain.Email;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local e-mail sink (table {@code email_sink}): stands in for the provider when {@code
 * EMAIL_BASE_URL} is unset. Like a provider it keeps one e-mail per idempotency key, so a step that
 * is sent again after a crash or a retry stores nothing new and the sink's rows count the e-mails a
 * provider would have sent.
 *
 * <p>It keeps the bodies, which may hold links that act as credentials (a password reset): only an
 * administrator can list them, and only where no provider is configured (a local system). The log
 * line per e-mail leaves the bodies out.
 *
 * <p>Both methods block on JDBC: {@link #send} runs on the event runtime's step threads, {@link
 * #newest} on a thread the caller chooses, never on an event loop.
 */
public final class JdbcEmailSink implements EmailSender, EmailSink {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcEmailSink.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public JdbcEmailSink(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * @throws EmailNotSentException when the database cannot take it now (the step retries)
   */
  @Override
  public void send(Email email, String idempotencyKey) {
    int stored;
    try {
      stored =
          jdbc.sql(
                  """
                  INSERT INTO email_sink (idempotency_key, from_address, to_addresses, subject,
                                          html_body, text_body, headers)
                  VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                  ON CONFLICT (idempotency_key) DO NOTHING
                  """)
              .param(idempotencyKey)
              .param(email.from())
              .param(email.to().toArray(String[]::new))
              .param(email.subject())
              .param(email.html())
              .param(email.text())
              .param(JSON.writeValueAsString(email.headers()))
              .update();
    } catch (DataAccessException e) {
      throw new EmailNotSentException("the local e-mail sink cannot store it: " + e, null, e);
    }
    LOG.info(
        "E-mail {} in the local sink (EMAIL_BASE_URL is unset): to={} subject=\"{}\""
            + " idempotencyKey={}",
        stored == 1 ? "kept" : "already kept",
        email.to(),
        email.subject(),
        idempotencyKey);
  }

  @Override
  public List<SinkEmail> newest(int limit, Optional<Long> before) {
    return jdbc.sql(
            """
            SELECT id, idempotency_key, from_address, to_addresses, subject, html_body, text_body,
                   headers::text AS headers, created_at
            FROM email_sink
            WHERE id < ?
            ORDER BY id DESC
            LIMIT ?
            """)
        .param(before.orElse(Long.MAX_VALUE))
        .param(limit)
        .query((row, number) -> sinkEmail(row))
        .list();
  }

  private static SinkEmail sinkEmail(ResultSet row) throws SQLException {
    Email email =
        new Email(
            row.getString("from_address"),
            List.of(strings(row.getArray("to_addresses"))),
            row.getString("subject"),
            row.getString("html_body"),
            row.getString("text_body"),
            JSON.readValue(row.getString("headers"), HEADERS));
    return new SinkEmail(
        row.getLong("id"),
        email,
        row.getString("idempotency_key"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static String[] strings(Array array) throws SQLException {
    try {
      return (String[]) array.getArray();
    } finally {
      array.free();
    }
  }
}
