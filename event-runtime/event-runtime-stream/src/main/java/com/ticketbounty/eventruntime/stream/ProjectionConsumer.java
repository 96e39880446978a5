package com.ticketbounty.eventruntime.stream;

/** Who takes a projection's queue ({@code event-runtime.projections.consumer}). */
public enum ProjectionConsumer {
  /** Spring Cloud Stream's Rabbit binder, binding each projection bean as {@code <name>-in-0}. */
  BINDER,
  /** event-runtime's own consumer (amqp-client, manual acks), as for durable functions. */
  RUNTIME
}
