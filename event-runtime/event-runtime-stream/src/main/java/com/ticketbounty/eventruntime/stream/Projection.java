package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.EventHandler;
import com.ticketbounty.eventruntime.EventHandler.Delivery;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.SubscriptionDispatcher;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.spi.MessageSource;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * A read-model projection: a {@code Consumer} bean that Spring Cloud Stream's Rabbit binder binds
 * like any other ({@code <bean name>-in-0}), and that gets what event-runtime promises a plain
 * subscription — the envelope decoded and checked (MAJOR version, sealed fields opened where they
 * lie), each event applied once with its inbox row in the handler's own transaction, a message that
 * can never be read dead-lettered with its reason, a handler that throws rolled back and retried.
 *
 * <pre>{@code
 * @Bean
 * Projection<AccountCreated> accountsCreated(AccountsProjection accounts) {
 *   return Projection.of(AccountCreated.class, delivery -> accounts.apply(delivery.data()));
 * }
 * }</pre>
 *
 * <p>It consumes the raw message ({@code Message<byte[]>}), not the contract: the inbox row has to
 * be written, in the handler's transaction, before the handler sees the data, and the binder's own
 * JSON conversion knows neither the envelope nor sealed fields. The bean's name names the binding,
 * the queue ({@code <prefix><service>.<bean name in dashes>}: {@code accountsCreated} → {@code
 * accounts-created}) and the inbox records, so keep it stable. Whether the binder or the runtime's
 * own consumer takes the queue is a setting, {@code event-runtime.projections.consumer}; the queue,
 * its arguments and its dead letters are the same either way.
 *
 * @param <T> the contract record it reads (any MINOR of its MAJOR)
 */
public final class Projection<T> implements Consumer<Message<byte[]>> {
  private final Class<T> contract;
  private final @Nullable EventHandler<T> blocking;
  private final @Nullable ReactiveEventHandler<T> reactive;
  private volatile @Nullable Consumer<Message<byte[]>> binder;

  private Projection(
      Class<T> contract,
      @Nullable EventHandler<T> blocking,
      @Nullable ReactiveEventHandler<T> reactive) {
    EventContracts.versionOf(contract); // refuses a record that is not an @EventType now
    this.contract = contract;
    this.blocking = blocking;
    this.reactive = reactive;
  }

  /**
   * A projection that writes with JDBC ({@code JdbcClient}, {@code JdbcTemplate} on the service's
   * {@code DataSource}): its writes join the transaction that records the event in the inbox.
   */
  public static <T> Projection<T> of(Class<T> contract, EventHandler<T> handler) {
    return new Projection<>(contract, Objects.requireNonNull(handler), null);
  }

  /**
   * A projection that writes with R2DBC: the {@code Mono} it returns runs in a reactive transaction
   * that also records the event in the inbox, on the service's connection factory.
   */
  public static <T> Projection<T> reactive(Class<T> contract, ReactiveEventHandler<T> handler) {
    return new Projection<>(contract, null, Objects.requireNonNull(handler));
  }

  public Class<T> contract() {
    return contract;
  }

  public String eventName() {
    return EventContracts.typeOf(contract).name();
  }

  /** Called by the binder. */
  @Override
  public void accept(Message<byte[]> message) {
    Consumer<Message<byte[]>> bound = binder;
    if (bound == null) {
      throw new IllegalStateException(
          "this projection of "
              + eventName()
              + " is not set up for the binder: event-runtime.projections.consumer is runtime, or"
              + " the event-runtime-stream auto-configuration did not run");
    }
    bound.accept(message);
  }

  void bindTo(Consumer<Message<byte[]>> deliveries) {
    this.binder = deliveries;
  }

  /**
   * How one message is handled, by the binder or by the runtime's consumer alike: decoded and
   * checked by the runtime's {@link SubscriptionDispatcher}, then applied once under {@code id} in
   * the inbox of the handler's kind.
   */
  MessageSource.Handler handler(String id, EventCodec codec, Inboxes inboxes) {
    if (blocking != null) {
      return new SubscriptionDispatcher<>(
          new Subscription<>(id, contract, blocking), codec, inboxes.jdbc());
    }
    ReactiveEventHandler<T> handler = Objects.requireNonNull(reactive);
    R2dbcInbox inbox = inboxes.reactive();
    if (inbox == null) {
      throw new IllegalStateException(
          "the reactive projection "
              + id
              + " needs R2DBC: a ConnectionFactory and a ReactiveTransactionManager bean");
    }
    Subscription<T> subscription =
        new Subscription<>(
            id,
            contract,
            delivery ->
                inbox
                    .processOnce(
                        id, delivery.event().id(), Mono.defer(() -> handler.handle(delivery)))
                    .block(inboxes.patience()));
    // The R2DBC inbox records the event in the handler's transaction; the JDBC one must not too.
    return new SubscriptionDispatcher<>(subscription, codec, Inboxes.RECORDED_BY_THE_HANDLER);
  }

  /**
   * What a reactive projection does with one event; nothing happens until the returned {@code Mono}
   * is subscribed, inside the transaction.
   */
  @FunctionalInterface
  public interface ReactiveEventHandler<T> {
    Mono<Void> handle(Delivery<T> delivery);
  }
}
