/**
 * The RabbitMQ transport of event-runtime, on AMQP 0-9-1 through {@code amqp-client}: one topic
 * exchange for events, a quorum queue per subscription with a delivery limit and a dead-letter
 * queue, pipelined publisher confirms for the outbox relay, manual acks for consumers.
 */
@NullMarked
package com.ticketbounty.eventruntime.rabbitmq;

import org.jspecify.annotations.NullMarked;
