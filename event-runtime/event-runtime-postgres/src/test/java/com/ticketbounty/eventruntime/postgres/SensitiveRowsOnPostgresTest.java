package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 16 (the rows), on PostgreSQL: a trigger's {@code @Sensitive} field reaches the
 * function in clear, while the run's event, its step memos (a step returns the contract) and the
 * outbox row of the event it sends, read raw with SQL, never hold the clear value — only values
 * sealed in the current format, naming the key that sealed them.
 */
class SensitiveRowsOnPostgresTest {
  private static final String SECRET = "https://tickets.example/reset?token=s3cr3t-t0k3n";

  @EventType(name = "test/password.reset-requested", version = "1.0")
  record ResetRequested(String userId, @Sensitive String resetLink) {}

  @EventType(name = "test/reset-mail.sent", version = "1.0")
  record ResetMailSent(String userId, @Sensitive String resetLink) {}

  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("sensitive", 4);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  @Test
  void theFunctionReceivesTheSecretThatNoRowHoldsInClear() {
    byte[] key = new byte[32];
    key[0] = 7;
    FieldCipher cipher = FieldCipher.fromBase64(Base64.getEncoder().encodeToString(key));
    EventCodec producer = new EventCodec(Clock.systemUTC(), cipher);
    EventCodec service = new EventCodec(Clock.systemUTC(), cipher);
    AtomicReference<String> received = new AtomicReference<>();
    DurableFunction mail =
        DurableFunction.named("send-reset-mail")
            .triggeredBy(ResetRequested.class)
            .handler(
                ctx -> {
                  ResetRequested request =
                      ctx.step()
                          .run("read", ResetRequested.class, k -> ctx.data(ResetRequested.class));
                  received.set(request.resetLink());
                  ctx.step()
                      .sendEvent("sent", new ResetMailSent(request.userId(), request.resetLink()));
                  return null;
                });
    EngineSettings settings = PostgresEngines.settings("worker-1", 2);
    DurableEngine engine = engines.engine(settings, service, List.of(mail));
    engines.start(engine);

    engine.submit(List.of(producer.envelope(new ResetRequested("u-1", SECRET), null)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                engines.count("SELECT count(*) FROM event_runtime.runs WHERE status = 'completed'")
                    == 1);

    assertThat(received).hasValue(SECRET);
    String sealed = "\"$enc\":\"v2:" + cipher.keys().current().id() + ":";
    assertThat(engines.column("SELECT event::text FROM event_runtime.runs"))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains(sealed)
        .doesNotContain(SECRET);
    assertThat(engines.column("SELECT coalesce(memo::text, '') FROM event_runtime.steps"))
        .hasSize(2)
        .anyMatch(memo -> memo.contains(sealed))
        .noneMatch(memo -> memo.contains(SECRET));
    assertThat(engines.column("SELECT body || headers::text FROM event_runtime.outbox"))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains(sealed)
        .doesNotContain(SECRET);
  }
}
