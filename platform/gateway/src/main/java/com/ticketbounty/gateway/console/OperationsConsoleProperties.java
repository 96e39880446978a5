package com.ticketbounty.gateway.console;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.operations.*}.
 *
 * @param traceUrl a trace UI's address with {@code {traceId}} in it ({@code TRACE_UI_URL}, such as
 *     {@code http://localhost:9411/zipkin/traces/{traceId}}); empty (the default) when no trace UI
 *     is configured, and the console then shows trace ids as text. Only {@code http} and {@code
 *     https} addresses are taken: the console puts it in a link's {@code href}.
 */
@ConfigurationProperties("gateway.operations")
public record OperationsConsoleProperties(@DefaultValue("") String traceUrl) {

  public OperationsConsoleProperties {
    traceUrl = traceUrl.strip();
    if (!traceUrl.isEmpty()
        && !(traceUrl.startsWith("http://") || traceUrl.startsWith("https://"))) {
      throw new IllegalArgumentException(
          "gateway.operations.trace-url (TRACE_UI_URL) must be an http(s) address, was: "
              + traceUrl);
    }
  }

  /** The template, or null when none is configured. */
  public @Nullable String traceUrlOrNull() {
    return traceUrl.isEmpty() ? null : traceUrl;
  }
}
