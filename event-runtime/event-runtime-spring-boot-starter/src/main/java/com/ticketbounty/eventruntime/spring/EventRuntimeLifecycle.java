package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.SubscriptionDispatcher;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterDrain;
import com.ticketbounty.eventruntime.spi.InboxStore;
import com.ticketbounty.eventruntime.spi.MessageSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/** Starts and stops the runtime's moving parts with the application context. */
final class EventRuntimeLifecycle {
  private EventRuntimeLifecycle() {}

  /**
   * The outbox relay: runs from start-up, woken by the service's outbox commits; on shutdown unsent
   * rows wait for the next start.
   */
  static final class Relay implements SmartLifecycle {
    private final OutboxRelay relay;
    private final OutboxSignal signal;
    private final String threadName;
    private volatile OutboxSignal.@Nullable Subscription wakeUps;
    private volatile boolean running;

    Relay(OutboxRelay relay, OutboxSignal signal, String threadName) {
      this.relay = relay;
      this.signal = signal;
      this.threadName = threadName;
    }

    @Override
    public void start() {
      wakeUps = signal.onCommitted(relay::wakeUp);
      relay.start(threadName);
      running = true;
    }

    @Override
    public void stop() {
      OutboxSignal.Subscription listening = wakeUps;
      if (listening != null) {
        listening.close();
      }
      relay.close();
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }

  /** One queue to consume: a subscription's or a durable function's. */
  record Queue(String id, Set<String> eventNames, MessageSource.Handler handler) {

    static <T> Queue of(Subscription<T> subscription, EventCodec codec, InboxStore inbox) {
      return new Queue(
          subscription.id(),
          Set.of(subscription.eventName()),
          new SubscriptionDispatcher<>(subscription, codec, inbox));
    }

    /** A function's queue; none for a function that binds no event (cron only). */
    static Optional<Queue> of(DurableEngine engine, DurableFunction function) {
      Set<String> events = DurableEngine.boundEvents(function);
      return events.isEmpty()
          ? Optional.empty()
          : Optional.of(new Queue(function.id(), events, engine.intake(function)));
    }
  }

  /**
   * The consumers and the drains of their dead-letter queues. They start last and stop first
   * (highest phase), so that on SIGTERM no new delivery is taken while the rest of the service is
   * still up to finish the running ones; unacknowledged messages go back to the broker.
   */
  static final class Consumers implements SmartLifecycle {
    private final Supplier<MessageSource> sources;
    private final Supplier<DeadLetterDrain> drains;
    private final List<Queue> queues;
    private @Nullable MessageSource source;
    private @Nullable DeadLetterDrain drain;

    Consumers(
        Supplier<MessageSource> sources, Supplier<DeadLetterDrain> drains, List<Queue> queues) {
      this.sources = sources;
      this.drains = drains;
      this.queues = List.copyOf(queues);
    }

    @Override
    public synchronized void start() {
      if (queues.isEmpty()) {
        return;
      }
      MessageSource started = sources.get();
      DeadLetterDrain draining = drains.get();
      for (Queue queue : queues) {
        started.subscribe(queue.id(), queue.eventNames(), queue.handler());
        draining.drain(queue.id());
      }
      source = started;
      drain = draining;
    }

    @Override
    public synchronized void stop() {
      if (source != null) {
        source.close();
        source = null;
      }
      if (drain != null) {
        drain.close();
        drain = null;
      }
    }

    @Override
    public synchronized boolean isRunning() {
      return source != null;
    }

    @Override
    public int getPhase() {
      return Integer.MAX_VALUE - 100;
    }
  }
}
