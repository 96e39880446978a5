package com.ticketbounty.comment.integration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.stream.Projection;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

/**
 * {@link TicketReadModelTest} with the read model's projections on event-runtime's own consumer:
 * which consumer takes them is a setting, and every assertion holds either way.
 */
@ProjectionsOnTheRuntimesConsumer
class TicketReadModelOnTheRuntimesConsumerTest extends TicketReadModelTest {
  private final RunningCommentService service;

  TicketReadModelOnTheRuntimesConsumerTest(RunningCommentService service) {
    super(service);
    this.service = service;
  }

  /**
   * The inherited tests pass only if the events reach the read model; here the binder's way in
   * refuses every message, so they reached it through the runtime's consumer.
   */
  @Test
  void theBinderDeliversNothingToTheProjections() {
    for (String name :
        new String[] {"ticketCreated", "ticketUpdated", "ticketAssigned", "ticketDeleted"}) {
      Projection<?> projection = service.bean(name, Projection.class);

      assertThatThrownBy(() -> projection.accept(MessageBuilder.withPayload(new byte[0]).build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not set up for the binder");
    }
  }
}
