package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventMajors;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.engine.EventIntake.Arrival;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource;
import com.ticketbounty.eventruntime.spi.Outcome;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to one message on a durable function's queue. A message that can never be
 * read (bad JSON, an unknown MAJOR version, an event the function does not bind, one over the size
 * limit, a sealed field that does not open for this event or a sensitive field in clear) is
 * dead-lettered with its reason. Otherwise the engine's intake starts the run (once per (function,
 * event id)) or stores the awaited event, and only once that is committed is the message acked; a
 * store failure hands it back to the broker, and a redelivery finds the run already made. Messages
 * handed over together ({@link #handleAll}) are taken in with one submission.
 */
public final class FunctionDispatcher implements MessageSource.BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionDispatcher.class);

  private final Engine engine;
  private final DurableFunction function;
  private final EventCodec codec;

  public FunctionDispatcher(Engine engine, DurableFunction function, EventCodec codec) {
    this.engine = engine;
    this.function = function;
    this.codec = codec;
  }

  /** The event names the function's queue is bound to: its triggers and what it waits for. */
  public static Set<String> boundEvents(DurableFunction function) {
    return Functions.boundEvents(function);
  }

  @Override
  public Outcome handle(InboundMessage message) {
    EventEnvelope event;
    try {
      event = readable(message);
    } catch (UndecodableEventException e) {
      return deadLetter(e);
    }
    if (event == null) {
      return new Outcome.Processed();
    }
    // The run is created under the consumed message's context: the transport's span when it made
    // one, else the message's own headers.
    try (Scope _ = TraceHeaders.currentOr(message.headers()).makeCurrent()) {
      return takeIn(List.of(new Arrival(event, Context.current())));
    }
  }

  /**
   * Reads and checks each message as {@link #handle} does, then takes all the readable events in
   * with one submission (one transaction for their runs), each run under its own message's context.
   * A store failure retries the whole batch (a redelivery finds the runs already made). When the
   * intake refuses an event of the batch (over the size limit), the batch is taken in again one
   * message at a time, so that only that message is dead-lettered.
   */
  @Override
  public List<Outcome> handleAll(List<InboundMessage> messages) {
    List<@Nullable Outcome> outcomes = new ArrayList<>(messages.size());
    // Keyed by event id: the same event delivered twice in one batch names one run.
    Map<UUID, Arrival> arrivals = new LinkedHashMap<>();
    for (InboundMessage message : messages) {
      try {
        EventEnvelope event = readable(message);
        if (event == null) {
          outcomes.add(new Outcome.Processed());
        } else {
          arrivals.putIfAbsent(
              event.id(), new Arrival(event, TraceHeaders.extract(message.headers())));
          outcomes.add(null); // the batch's submission decides
        }
      } catch (UndecodableEventException e) {
        outcomes.add(deadLetter(e));
      }
    }
    Outcome taken =
        arrivals.isEmpty() ? new Outcome.Processed() : takeIn(List.copyOf(arrivals.values()));
    List<Outcome> settled = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome == null) {
        outcome =
            taken instanceof Outcome.DeadLetter && arrivals.size() > 1
                ? handle(messages.get(i))
                : taken;
      }
      settled.add(outcome);
    }
    return settled;
  }

  /**
   * The message's event, read and checked; null when it is read in its other MAJOR's copy.
   *
   * @throws UndecodableEventException when it can never be read
   */
  private @Nullable EventEnvelope readable(InboundMessage message)
      throws UndecodableEventException {
    EventEnvelope event = codec.decode(message.body());
    if (readInAnotherMajor(event, message)) {
      return null;
    }
    check(event);
    return event;
  }

  private Outcome deadLetter(UndecodableEventException e) {
    LOG.warn("Dead-lettering a message for function {}: {}", function.id(), e.getMessage());
    return new Outcome.DeadLetter(e.getMessage());
  }

  private Outcome takeIn(List<Arrival> arrivals) {
    String what =
        arrivals.size() == 1
            ? arrivals.get(0).event().name() + " " + arrivals.get(0).event().id()
            : arrivals.size() + " events";
    try {
      engine.takeIn(function.id(), arrivals);
      return new Outcome.Processed();
    } catch (IllegalArgumentException e) {
      if (arrivals.size() > 1) {
        LOG.debug("Taking in {} for {} one at a time: {}", what, function.id(), e.getMessage());
      } else {
        LOG.warn("Dead-lettering {} for {}: {}", what, function.id(), e);
      }
      return new Outcome.DeadLetter(e.getMessage() == null ? e.toString() : e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Taking in {} for {} failed; it will be delivered again", what, function.id(), e);
      return new Outcome.Retry(e.toString());
    }
  }

  /**
   * An event of another MAJOR whose producer also sent it in the one this function reads: the run
   * starts from that copy, so this one is acked and dropped (see {@link EventMajors}).
   */
  private boolean readInAnotherMajor(EventEnvelope event, InboundMessage message) {
    Integer major = function.majorOf(event.name()).orElse(null);
    if (major == null || !EventMajors.readInItsOwnCopy(event, message.headers(), major)) {
      return false;
    }
    LOG.debug(
        "Dropped {} {} {} for {}: it is read in its {}.x copy",
        event.name(),
        event.version(),
        event.id(),
        function.id(),
        major);
    return true;
  }

  private void check(EventEnvelope event) throws UndecodableEventException {
    if (!boundEvents(function).contains(event.name())) {
      throw new UndecodableEventException(
          "event "
              + event.name()
              + " reached function "
              + function.id()
              + ", which does not bind it");
    }
    Integer major = function.majorOf(event.name()).orElse(null);
    if (major != null && event.version().major() != major) {
      throw new UndecodableEventException(
          "unknown MAJOR version "
              + event.version()
              + " of "
              + event.name()
              + "; function "
              + function.id()
              + " reads "
              + major
              + ".x");
    }
    // Checked here, not when the body reads the data: a forged or clear secret is dead-lettered
    // with its reason instead of starting a run that fails.
    codec.checkSealed(event, function.contractOf(event.name()).orElse(null));
  }
}
