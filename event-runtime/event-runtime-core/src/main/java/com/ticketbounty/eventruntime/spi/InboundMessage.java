package com.ticketbounty.eventruntime.spi;

import java.util.Map;

/**
 * A message as the transport received it, before anything is decoded.
 *
 * @param body the raw body
 * @param headers the string-valued headers ({@code traceparent}, …)
 * @param redelivered whether the broker has delivered it before
 */
public record InboundMessage(byte[] body, Map<String, String> headers, boolean redelivered) {
  public InboundMessage {
    headers = Map.copyOf(headers);
  }
}
