package com.ticketbounty.comment.integration;

/**
 * {@link TicketReadModelTest} with the read model's projections on event-runtime's own consumer:
 * which consumer takes them is a setting, and every assertion holds either way.
 */
@ProjectionsOnTheRuntimesConsumer
class TicketReadModelOnTheRuntimesConsumerTest extends TicketReadModelTest {
  TicketReadModelOnTheRuntimesConsumerTest(RunningCommentService service) {
    super(service);
  }
}
