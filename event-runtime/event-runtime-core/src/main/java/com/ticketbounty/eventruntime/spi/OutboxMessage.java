package com.ticketbounty.eventruntime.spi;

import java.util.Map;
import java.util.UUID;

/**
 * An event as the outbox keeps it and the transport sends it: the encoded body plus the headers
 * (trace context) captured when it was written.
 *
 * @param eventId the event's id; the AMQP {@code message_id}
 * @param eventName the wire name; the routing key and the AMQP {@code type}
 * @param aggregateKey events with the same key are published in the order they were written
 * @param body the JSON body, exactly as it goes on the wire
 * @param headers string headers to send beside it ({@code traceparent}, {@code tracestate})
 */
public record OutboxMessage(
    UUID eventId, String eventName, String aggregateKey, String body, Map<String, String> headers) {
  public OutboxMessage {
    headers = Map.copyOf(headers);
  }
}
