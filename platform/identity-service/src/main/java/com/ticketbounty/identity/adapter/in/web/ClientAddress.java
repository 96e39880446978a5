package com.ticketbounty.identity.adapter.in.web;

import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a request came from: the first {@code X-Forwarded-For} value, which the gateway sets itself
 * (replacing whatever a client sent), else the connection's remote address. service-web's {@code
 * ForwardedHeaders} has removed the header already unless the gateway's service token came with it,
 * so a client that calls identity-service directly cannot pick its address.
 */
final class ClientAddress {
  static final String UNKNOWN = "unknown";
  private static final int MAX = 64;

  private ClientAddress() {}

  static String of(ServerHttpRequest request) {
    String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
    if (forwarded != null) {
      String first = forwarded.split(",", 2)[0].strip();
      if (!first.isEmpty()) {
        // Bounded: the value keys rate-limit buckets and lands in the audit log.
        return first.length() > MAX ? first.substring(0, MAX) : first;
      }
    }
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null || remote.getAddress() == null) {
      return UNKNOWN;
    }
    return remote.getAddress().getHostAddress();
  }
}
