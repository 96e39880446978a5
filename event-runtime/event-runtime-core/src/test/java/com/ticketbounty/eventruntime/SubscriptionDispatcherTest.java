package com.ticketbounty.eventruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.internal.Greeted;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.InboxStore;
import com.ticketbounty.eventruntime.spi.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dispatcher's decisions; the real inbox is tested against PostgreSQL in its own module. */
class SubscriptionDispatcherTest {
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private final List<String> greeted = new ArrayList<>();
  private final SetInbox inbox = new SetInbox();

  @Test
  void handlesAnEventOnceAndDropsItsDuplicate() {
    SubscriptionDispatcher<Greeted> dispatcher = dispatcher(d -> greeted.add(d.data().name()));
    InboundMessage message = message(codec.envelope(new Greeted("Ada"), null));

    Outcome first = dispatcher.handle(message);
    Outcome duplicate = dispatcher.handle(message);

    assertThat(first).isInstanceOf(Outcome.Processed.class);
    assertThat(duplicate).isInstanceOf(Outcome.Processed.class);
    assertThat(greeted).containsExactly("Ada");
  }

  @Test
  void deadLettersAnUnknownMajorVersionWithItsReason() {
    String wire =
        codec
            .encode(codec.envelope(new Greeted("Ada"), null))
            .replace("\"v\":\"2.3\"", "\"v\":\"3.0\"");

    Outcome outcome =
        dispatcher(d -> greeted.add(d.data().name()))
            .handle(new InboundMessage(wire.getBytes(StandardCharsets.UTF_8), Map.of(), false));

    assertThat(outcome)
        .isEqualTo(
            new Outcome.DeadLetter("unknown MAJOR version 3.0 of test/greeted; greeter reads 2.x"));
    assertThat(greeted).isEmpty();
  }

  @Test
  void acksAnotherMajorWhoseProducerAlsoSentTheOneItReads() {
    String wire =
        codec
            .encode(codec.envelope(new Greeted("Ada"), null))
            .replace("\"v\":\"2.3\"", "\"v\":\"3.0\"");

    Outcome outcome =
        dispatcher(d -> greeted.add(d.data().name()))
            .handle(
                new InboundMessage(
                    wire.getBytes(StandardCharsets.UTF_8),
                    Map.of(EventMajors.HEADER, "2,3"),
                    false));

    assertThat(outcome).isInstanceOf(Outcome.Processed.class);
    assertThat(greeted).as("the 2.x copy is the one handled").isEmpty();
  }

  @Test
  void stillDeadLettersAnotherMajorWhenItsProducerNoLongerSendsTheOneItReads() {
    String wire =
        codec
            .encode(codec.envelope(new Greeted("Ada"), null))
            .replace("\"v\":\"2.3\"", "\"v\":\"3.0\"");

    Outcome outcome =
        dispatcher(d -> greeted.add(d.data().name()))
            .handle(
                new InboundMessage(
                    wire.getBytes(StandardCharsets.UTF_8),
                    Map.of(EventMajors.HEADER, "3,4"),
                    false));

    assertThat(outcome)
        .isEqualTo(
            new Outcome.DeadLetter("unknown MAJOR version 3.0 of test/greeted; greeter reads 2.x"));
  }

  @Test
  void handlesItsOwnMajorThatCarriesTheHeader() {
    InboundMessage message =
        new InboundMessage(
            codec.encode(codec.envelope(new Greeted("Ada"), null)).getBytes(StandardCharsets.UTF_8),
            Map.of(EventMajors.HEADER, "2,3"),
            false);

    assertThat(dispatcher(d -> greeted.add(d.data().name())).handle(message))
        .isInstanceOf(Outcome.Processed.class);
    assertThat(greeted).containsExactly("Ada");
  }

  @Test
  void acceptsALaterMinorVersion() {
    String wire =
        codec
            .encode(codec.envelope(new Greeted("Ada"), null))
            .replace("\"v\":\"2.3\"", "\"v\":\"2.9\"");

    Outcome outcome =
        dispatcher(d -> greeted.add(d.data().name()))
            .handle(new InboundMessage(wire.getBytes(StandardCharsets.UTF_8), Map.of(), false));

    assertThat(outcome).isInstanceOf(Outcome.Processed.class);
    assertThat(greeted).containsExactly("Ada");
  }

  @Test
  void deadLettersABodyThatIsNotJson() {
    Outcome outcome =
        dispatcher(d -> greeted.add(d.data().name()))
            .handle(new InboundMessage("{oops".getBytes(StandardCharsets.UTF_8), Map.of(), false));

    assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
    assertThat(((Outcome.DeadLetter) outcome).reason()).startsWith("body is not JSON");
  }

  @Test
  void handsAFailedEventBackAndRunsItAgainOnRedelivery() {
    List<String> attempts = new ArrayList<>();
    SubscriptionDispatcher<Greeted> dispatcher =
        dispatcher(
            d -> {
              attempts.add(d.data().name());
              if (attempts.size() == 1) {
                throw new IllegalStateException("provider down");
              }
            });
    InboundMessage message = message(codec.envelope(new Greeted("Ada"), null));

    Outcome failed = dispatcher.handle(message);
    Outcome retried = dispatcher.handle(message);

    assertThat(failed).isInstanceOf(Outcome.Retry.class);
    assertThat(((Outcome.Retry) failed).reason()).contains("provider down");
    assertThat(retried).isInstanceOf(Outcome.Processed.class);
    assertThat(attempts).containsExactly("Ada", "Ada");
  }

  private SubscriptionDispatcher<Greeted> dispatcher(
      com.ticketbounty.eventruntime.EventHandler<Greeted> handler) {
    return new SubscriptionDispatcher<>(
        new Subscription<>("greeter", Greeted.class, handler), codec, inbox);
  }

  private InboundMessage message(EventEnvelope event) {
    return new InboundMessage(
        codec.encode(event).getBytes(StandardCharsets.UTF_8), Map.of(), false);
  }

  /** Records like the real inbox: the key only once the work succeeded. */
  private static final class SetInbox implements InboxStore {
    private final Set<String> done = new HashSet<>();

    @Override
    public boolean processOnce(String subscription, UUID eventId, Work work) throws Exception {
      String key = subscription + ":" + eventId;
      if (done.contains(key)) {
        return false;
      }
      work.run();
      done.add(key);
      return true;
    }
  }
}
