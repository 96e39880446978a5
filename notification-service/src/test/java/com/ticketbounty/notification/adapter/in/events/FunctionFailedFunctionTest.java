package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FunctionFailedFunctionTest {
  private static final String SECRET = "ZXCVBNMA";

  private final TestRuntime runtime = new TestRuntime();
  private final Workflows w = new Workflows(runtime);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(FunctionFailedFunction.class);

  /** A function that fails for good on an event carrying a sealed value. */
  private final DurableFunction failing =
      DurableFunction.named("always-fails")
          .triggeredBy(EmailVerificationCodeRequested.class)
          .handler(
              ctx -> {
                ctx.step()
                    .run(
                        "explode",
                        key -> {
                          throw new NonRetriableException("provider said no");
                        });
                return null;
              });

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  @Test
  void alertsSlackAndLogsOnceNamingFunctionRunErrorAndEventNeverTheSecret() {
    runtime.register(failing, w.functionFailed().function());

    EventEnvelope event = runtime.send(codeRequest());

    RunRecord failed = runtime.onlyRun("always-fails");
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    RunRecord handler = runtime.onlyRun(FunctionFailedFunction.ID);
    assertThat(handler.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.stepKeys(handler)).containsExactly("log-failure", "alert-slack");
    assertThat(w.chat.slack())
        .singleElement()
        .asString()
        .contains("always-fails", "test", failed.id().toString(), "provider said no")
        .contains(EmailVerificationCodeRequested.NAME, event.id().toString())
        .doesNotContain(SECRET);
    assertThat(log.list)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getFormattedMessage())
                  .contains("always-fails", failed.id().toString(), event.id().toString())
                  .doesNotContain(SECRET);
              assertThat(line.getKeyValuePairs())
                  .anySatisfy(kv -> assertThat(kv.key).isEqualTo("failed.runId"))
                  .anySatisfy(kv -> assertThat(kv.key).isEqualTo("failed.eventName"))
                  .noneSatisfy(kv -> assertThat(kv.key).isIn("runId", "service"));
            });
  }

  @Test
  void doesNotLoopWhenTheAlertItselfFails() {
    w.chat.failAlways();
    runtime.register(failing, w.functionFailed().function());

    runtime.send(codeRequest());
    runtime.advance(Duration.ofHours(2));

    RunRecord handler = runtime.onlyRun(FunctionFailedFunction.ID);
    assertThat(handler.status()).isEqualTo(RunStatus.FAILED);
    assertThat(w.step(handler, "alert-slack").attempts()).isEqualTo(5);
    // One failure event, the original function's: the handler's own failure is not published.
    assertThat(runtime.sentEvents())
        .filteredOn(e -> e.name().equals(FunctionFailed.NAME))
        .singleElement()
        .satisfies(
            e ->
                assertThat(runtime.codec().read(e, FunctionFailed.class).function())
                    .isEqualTo("always-fails"));
  }

  private static EmailVerificationCodeRequested codeRequest() {
    return new EmailVerificationCodeRequested(
        UUID.randomUUID(), "ada@example.com", "ada", SECRET, Instant.parse("2030-01-01T00:10:00Z"));
  }
}
