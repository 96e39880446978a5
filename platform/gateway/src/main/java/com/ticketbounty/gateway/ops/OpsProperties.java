package com.ticketbounty.gateway.ops;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.ops.*}: the services the operations API fans out to.
 *
 * @param services each service's name (as it appears in {@code /api/ops} paths and in {@code
 *     service} fields) and base URL, in the order their answers are merged
 * @param timeout how long one service may take to answer one call; past it, the service is named
 *     unavailable (lists) or the call is a 504 problem (a call to that service alone)
 * @param eventsService the service whose outbox {@code POST /api/ops/events} publishes through when
 *     the body names none (any service with a relay reaches every subscriber)
 * @param emailsService the service holding the local e-mail sink
 */
@ConfigurationProperties("gateway.ops")
public record OpsProperties(
    Map<String, URI> services,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("ticket-service") String eventsService,
    @DefaultValue("notification-service") String emailsService) {

  public OpsProperties {
    services = services == null ? Map.of() : new LinkedHashMap<>(services);
    if (!services.isEmpty() && !services.containsKey(eventsService)) {
      throw new IllegalArgumentException(
          "gateway.ops.events-service " + eventsService + " is not among gateway.ops.services");
    }
  }
}
