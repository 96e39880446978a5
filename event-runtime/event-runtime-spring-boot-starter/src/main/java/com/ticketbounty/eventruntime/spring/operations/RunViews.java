package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.codec.SensitiveFields;
import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How functions, runs and steps look in the operations API (API.md's shapes). Events and memos are
 * shown as JSON with every sensitive value replaced by {@code [redacted]}.
 */
final class RunViews {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String service;
  private final Predicate<String> known;

  /**
   * @param known whether this instance executes a function: a run of one it does not is left queued
   *     for an instance that does (a rolling deploy), and its view says so
   */
  RunViews(String service, Predicate<String> known) {
    this.service = service;
    this.known = known;
  }

  Map<String, Object> function(DurableFunction function) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("service", service);
    view.put("id", function.id());
    view.put("triggers", function.triggers().stream().map(RunViews::trigger).toList());
    view.put("retries", function.retryPolicy().retries());
    view.put("concurrency", function.concurrency().map(RunViews::concurrency).orElse(null));
    return view;
  }

  Map<String, Object> run(RunRecord run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("service", service);
    view.put("id", run.id().toString());
    view.put("function", run.functionId());
    view.put("status", run.status().name().toLowerCase(Locale.ROOT));
    view.put("eventId", run.eventId().toString());
    view.put("startedAt", text(run.startedAt()));
    view.put("endedAt", text(run.endedAt()));
    view.put("traceId", run.trace().traceId());
    view.put("reason", reason(run));
    return view;
  }

  Map<String, Object> runWithSteps(RunRecord run, List<StepRecord> steps) {
    Map<String, Object> view = run(run);
    view.put("createdAt", run.createdAt().toString());
    view.put("dueAt", run.dueAt().toString());
    view.put("event", redactedJson(run.event()));
    view.put("output", redactedJson(run.output()));
    view.put("error", run.error());
    view.put("steps", steps.stream().map(RunViews::step).toList());
    return view;
  }

  /** Why an unfinished run is not moving, when the instance answering can tell; else null. */
  private @Nullable String reason(RunRecord run) {
    if (run.status().finished() || known.test(run.functionId())) {
      return null;
    }
    return "function "
        + run.functionId()
        + " is not deployed on this instance (an older version?): the run waits for an instance"
        + " that has it";
  }

  private static Map<String, Object> step(StepRecord step) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", step.key());
    view.put("status", step.status().name().toLowerCase(Locale.ROOT));
    view.put("attempts", step.attempts());
    view.put("memo", redactedJson(step.memo()));
    view.put("wakeAt", text(step.wakeAt()));
    view.put("firstRecordedAt", step.firstRecordedAt().toString());
    view.put("recordedAt", step.recordedAt().toString());
    return view;
  }

  private static Map<String, Object> trigger(Trigger trigger) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (trigger instanceof Trigger.OnEvent event) {
      view.put("event", event.event());
      view.put("if", event.filter().orElse(null));
    } else if (trigger instanceof Trigger.OnCron cron) {
      view.put("cron", cron.expression());
      view.put("timezone", cron.zone().getId());
    }
    return view;
  }

  private static Map<String, Object> concurrency(Concurrency concurrency) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("limit", concurrency.limit());
    view.put("key", concurrency.key().orElse(null));
    return view;
  }

  private static @Nullable Object redactedJson(@Nullable String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return SensitiveFields.redact(node);
    } catch (JacksonException e) {
      return "[unreadable]";
    }
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
