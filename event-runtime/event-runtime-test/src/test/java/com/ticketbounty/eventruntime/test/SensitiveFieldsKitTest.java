package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code @Sensitive} fields in the kit, on every path a function reads them: its trigger, a step's
 * result, an event it sends, an invoke's data and output, an event it waited for. The function sees
 * them in clear; no run, step or outbox record holds them in clear; a value copied into another
 * event is refused.
 */
@ExtendWith(EventRuntimeExtension.class)
class SensitiveFieldsKitTest {
  private static final String LINK = "https://app.example/reset?token=kit-s3cret";

  @EventType(name = "test/reset.requested", version = "1.0")
  record ResetRequested(String userId, @Sensitive String link) {}

  @EventType(name = "test/reset.confirmed", version = "1.0")
  record ResetConfirmed(String userId, Recipient recipient) {}

  record Recipient(String name, @Sensitive String link) {}

  @Test
  void aFunctionReadsEverySealedFieldInClearWhileNoRecordHoldsIt(TestRuntime runtime) {
    List<String> seen = new ArrayList<>();
    runtime.register(
        DurableFunction.named("render")
            .triggeredBy("test/never")
            .handler(ctx -> new Recipient("ada", ctx.data(Recipient.class).link() + "&rendered")),
        DurableFunction.named("confirm")
            .triggeredBy(ResetRequested.class)
            .waitsFor("test/reset.confirmed")
            .handler(
                ctx -> {
                  ResetRequested request = ctx.data(ResetRequested.class);
                  Recipient recipient =
                      ctx.step()
                          .run(
                              "recipient",
                              Recipient.class,
                              key -> new Recipient("ada", request.link()));
                  Recipient rendered =
                      ctx.step().invoke("render", "render", recipient, Recipient.class);
                  ctx.step().sendEvent("confirm", new ResetConfirmed(request.userId(), rendered));
                  EventEnvelope confirmed =
                      ctx.step()
                          .waitForEvent(
                              "confirmed",
                              "test/reset.confirmed",
                              "async.data.userId == event.data.userId",
                              Duration.ofHours(1))
                          .orElseThrow();
                  seen.add(recipient.link());
                  seen.add(rendered.link());
                  seen.add(ctx.read(confirmed, ResetConfirmed.class).recipient().link());
                  return null;
                }));

    runtime.send(new ResetRequested("u-1", LINK));

    assertThat(runtime.onlyRun("confirm").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(seen).containsExactly(LINK, LINK + "&rendered", LINK + "&rendered");
    for (RunRecord run : runtime.store().runs()) {
      assertThat(run.event()).doesNotContain("kit-s3cret");
      assertThat(String.valueOf(run.output())).doesNotContain("kit-s3cret");
      for (StepRecord step : runtime.steps(run.id())) {
        assertThat(String.valueOf(step.memo())).doesNotContain("kit-s3cret");
      }
    }
    assertThat(runtime.store().outbox())
        .singleElement()
        .satisfies(
            sent ->
                assertThat(sent.body()).contains("\"$enc\":\"v2:").doesNotContain("kit-s3cret"));
  }

  @Test
  void aSealedFieldCopiedIntoAnotherEventFailsTheRunNamingTheField(TestRuntime runtime) {
    List<String> seen = new ArrayList<>();
    runtime.register(
        DurableFunction.named("mail")
            .triggeredBy(ResetRequested.class)
            .handler(ctx -> seen.add(ctx.data(ResetRequested.class).link())));
    EventEnvelope victim = runtime.send(new ResetRequested("victim", LINK));
    EventEnvelope mine = runtime.codec().envelope(new ResetRequested("attacker", "mine"), null);
    ObjectNode stolen = ((ObjectNode) mine.data()).deepCopy();
    stolen.set("link", victim.data().get("link"));

    runtime.send(
        new EventEnvelope(mine.id(), mine.name(), mine.version(), mine.timestamp(), stolen, null));

    assertThat(seen).containsExactly(LINK);
    RunRecord forged =
        runtime.runs("mail").stream()
            .filter(run -> run.eventId().equals(mine.id()))
            .findFirst()
            .orElseThrow();
    assertThat(forged.status()).isEqualTo(RunStatus.FAILED);
    assertThat(forged.error()).contains("sealed field 'link'").contains("does not open");
    assertThat(JsonMapper.shared().readTree(forged.event()).at("/data/link").has("$enc")).isTrue();
  }
}
