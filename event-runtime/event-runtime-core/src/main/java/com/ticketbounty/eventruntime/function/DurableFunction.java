package com.ticketbounty.eventruntime.function;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.RetryPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A durable function: its id, triggers, retries, concurrency, the events it waits for, its body and
 * its failure handler. Immutable; build one with {@link #named(String)}.
 *
 * <pre>{@code
 * DurableFunction.named("ticket-created")
 *     .triggeredBy(TicketCreated.class)
 *     .concurrency(5, "event.data.userId")
 *     .handler(ctx -> {
 *       TicketCreated ticket = ctx.data(TicketCreated.class);
 *       ctx.step().run("send-confirmation", key -> mailer.confirm(ticket, key));
 *       return null;
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The id names the function's queue and its runs: keep it stable across deploys.
 */
public final class DurableFunction {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** How long one execution of a step body may take unless the function says otherwise. */
  public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofMinutes(5);

  /**
   * How long a run may spend executing attempts unless the function says otherwise; time asleep,
   * waiting or queued does not count.
   */
  public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofHours(1);

  private final String id;
  private final List<Trigger> triggers;
  private final RetryPolicy retryPolicy;
  private final Optional<Concurrency> concurrency;
  private final Set<String> waitsFor;
  private final Map<String, Class<?>> contracts;
  private final FunctionBody body;
  private final Optional<FailureHandler> onFailure;
  private final Duration stepTimeout;
  private final Duration runTimeout;

  private DurableFunction(Builder builder, FunctionBody body) {
    this.id = builder.id;
    this.triggers = List.copyOf(builder.triggers);
    this.retryPolicy = builder.retryPolicy;
    this.concurrency = Optional.ofNullable(builder.concurrency);
    this.waitsFor = Set.copyOf(builder.waitsFor);
    this.contracts = Map.copyOf(builder.contracts);
    this.body = body;
    this.onFailure = Optional.ofNullable(builder.onFailure);
    this.stepTimeout = builder.stepTimeout;
    this.runTimeout = builder.runTimeout;
  }

  public static Builder named(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public List<Trigger> triggers() {
    return triggers;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Optional<Concurrency> concurrency() {
    return concurrency;
  }

  /** The event names this function's {@code waitForEvent} steps may wait for. */
  public Set<String> waitsFor() {
    return waitsFor;
  }

  /**
   * The MAJOR schema version this function reads of an event it names by contract class; empty for
   * an event named by wire name only (any version is delivered). An event of another MAJOR is
   * dead-lettered on the function's queue.
   */
  public Optional<Integer> majorOf(String eventName) {
    return contractOf(eventName).map(contract -> EventContracts.versionOf(contract).major());
  }

  /**
   * The contract record this function reads an event as, when it names the event by contract class;
   * the runtime checks the event's sealed fields against it before taking the event in.
   */
  public Optional<Class<?>> contractOf(String eventName) {
    return Optional.ofNullable(contracts.get(eventName));
  }

  /** Every contract record this function names an event by. */
  public Collection<Class<?>> contracts() {
    return contracts.values();
  }

  public FunctionBody body() {
    return body;
  }

  public Optional<FailureHandler> onFailure() {
    return onFailure;
  }

  /** How long one execution of one of its step bodies may take; see {@link Builder#stepTimeout}. */
  public Duration stepTimeout() {
    return stepTimeout;
  }

  /** How long a run may spend executing; see {@link Builder#runTimeout}. */
  public Duration runTimeout() {
    return runTimeout;
  }

  @Override
  public String toString() {
    return "DurableFunction[" + id + ", " + triggers + "]";
  }

  /** Collects a function's settings; {@link #handler} completes it. */
  public static final class Builder {
    private final String id;
    private final List<Trigger> triggers = new ArrayList<>();
    private final Set<String> waitsFor = new LinkedHashSet<>();
    private final Map<String, Class<?>> contracts = new HashMap<>();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private @Nullable Concurrency concurrency;
    private @Nullable FailureHandler onFailure;
    private Duration stepTimeout = DEFAULT_STEP_TIMEOUT;
    private Duration runTimeout = DEFAULT_RUN_TIMEOUT;

    private Builder(String id) {
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "function id must be lower-case words joined by dashes, was '" + id + "'");
      }
      this.id = id;
    }

    /** Runs on every event of this contract (its {@code @EventType} wire name). */
    public Builder triggeredBy(Class<?> contract) {
      return triggeredBy(reads(contract));
    }

    /** Runs on the events of this contract that the CEL {@code filter} accepts. */
    public Builder triggeredBy(Class<?> contract, String filter) {
      return triggeredBy(reads(contract), filter);
    }

    private String reads(Class<?> contract) {
      String name = EventContracts.typeOf(contract).name();
      EventContracts.versionOf(contract);
      contracts.put(name, contract);
      return name;
    }

    /** Runs on every event with this wire name. */
    public Builder triggeredBy(String eventName) {
      triggers.add(new Trigger.OnEvent(eventName, Optional.empty()));
      return this;
    }

    public Builder triggeredBy(String eventName, String filter) {
      triggers.add(new Trigger.OnEvent(eventName, Optional.of(filter)));
      return this;
    }

    /** Runs on a cron schedule in UTC. */
    public Builder onCron(String expression) {
      return onCron(expression, ZoneOffset.UTC);
    }

    public Builder onCron(String expression, ZoneId zone) {
      triggers.add(new Trigger.OnCron(expression, zone));
      return this;
    }

    /** Attempts after the first, per step (default 4); backoff as {@link RetryPolicy#DEFAULT}. */
    public Builder retries(int retries) {
      retryPolicy = retryPolicy.withRetries(retries);
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** At most {@code limit} runs executing a step at once per value of the CEL {@code key}. */
    public Builder concurrency(int limit, String key) {
      concurrency = new Concurrency(limit, Optional.of(key));
      return this;
    }

    /** At most {@code limit} runs of this function executing a step at once. */
    public Builder concurrency(int limit) {
      concurrency = new Concurrency(limit, Optional.empty());
      return this;
    }

    /** Declares the events that {@code waitForEvent} steps of this function wait for. */
    public Builder waitsFor(String... eventNames) {
      waitsFor.addAll(List.of(eventNames));
      return this;
    }

    /**
     * How long one execution of a step body may take (default {@link #DEFAULT_STEP_TIMEOUT}). A
     * body still running then is abandoned — its thread interrupted, the attempt's worker and
     * concurrency slot freed — and the step fails with a timeout, retried like any failure.
     */
    public Builder stepTimeout(Duration timeout) {
      stepTimeout = positive(timeout, "stepTimeout");
      return this;
    }

    /**
     * How long a run may spend executing attempts, all attempts together (default {@link
     * #DEFAULT_RUN_TIMEOUT}); sleeps, waits, backoffs and queueing do not count. A run out of time
     * fails, without retries, at its next step or during the step that runs it out.
     */
    public Builder runTimeout(Duration timeout) {
      runTimeout = positive(timeout, "runTimeout");
      return this;
    }

    private static Duration positive(Duration timeout, String name) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + timeout);
      }
      return timeout;
    }

    public Builder onFailure(FailureHandler handler) {
      onFailure = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Completes the function. */
    public DurableFunction handler(FunctionBody body) {
      Objects.requireNonNull(body, "body");
      if (triggers.isEmpty()) {
        throw new IllegalStateException("function " + id + " has no trigger");
      }
      return new DurableFunction(this, body);
    }
  }
}
