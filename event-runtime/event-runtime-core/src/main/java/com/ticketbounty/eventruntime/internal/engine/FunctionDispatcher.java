package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventMajors;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource;
import com.ticketbounty.eventruntime.spi.Outcome;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to one message on a durable function's queue. A message that can never be
 * read (bad JSON, an unknown MAJOR version, an event the function does not bind, one over the size
 * limit, a sealed field that does not open for this event or a sensitive field in clear) is
 * dead-lettered with its reason. Otherwise the engine's intake starts the run (once per (function,
 * event id)) or stores the awaited event, and only once that is committed is the message acked; a
 * store failure hands it back to the broker, and a redelivery finds the run already made.
 */
public final class FunctionDispatcher implements MessageSource.Handler {
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
      event = codec.decode(message.body());
      if (readInAnotherMajor(event, message)) {
        return new Outcome.Processed();
      }
      check(event);
    } catch (UndecodableEventException e) {
      LOG.warn("Dead-lettering a message for function {}: {}", function.id(), e.getMessage());
      return new Outcome.DeadLetter(e.getMessage());
    }
    // The run is created under the consumed message's context: the transport's span when it made
    // one, else the message's own headers.
    try (Scope _ = TraceHeaders.currentOr(message.headers()).makeCurrent()) {
      engine.submitTo(function.id(), List.of(event));
      return new Outcome.Processed();
    } catch (IllegalArgumentException e) {
      LOG.warn("Dead-lettering {} {} for {}: {}", event.name(), event.id(), function.id(), e);
      return new Outcome.DeadLetter(e.getMessage() == null ? e.toString() : e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn(
          "Taking in {} {} for {} failed; it will be delivered again",
          event.name(),
          event.id(),
          function.id(),
          e);
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
