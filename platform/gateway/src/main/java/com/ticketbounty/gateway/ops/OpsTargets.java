package com.ticketbounty.gateway.ops;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the URI of a service's operations call from a fixed path template and path values that
 * have been validated ({@link #runId}, {@link #deadLetterId}, {@link #functionId}): never from the
 * request's own path, so no spelling of a request ({@code ..}, {@code %2F}) can reach another
 * internal path. Values are encoded strictly, query values too.
 */
final class OpsTargets {
  static final String RUNTIME = "/internal/runtime";
  private static final Pattern FUNCTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private final Map<String, URI> services;

  OpsTargets(Map<String, URI> services) {
    this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  /** Every service, in the configured order. */
  List<String> names() {
    return List.copyOf(services.keySet());
  }

  boolean knows(String service) {
    return services.containsKey(service);
  }

  /**
   * {@code template} under the service's base URL, its {@code {…}} filled with {@code values} and
   * the given query parameters (each value encoded).
   */
  URI uri(String service, String template, MultiValueMap<String, String> query, Object... values) {
    URI base = services.get(service);
    if (base == null) {
      throw new IllegalArgumentException("unknown service " + service);
    }
    UriComponentsBuilder builder = UriComponentsBuilder.fromUri(base).path(template);
    Object[] all = new Object[values.length + query.size()];
    System.arraycopy(values, 0, all, 0, values.length);
    int index = values.length;
    for (String name : query.keySet()) {
      builder.queryParam(name, "{q" + index + "}");
      all[index++] = query.getFirst(name);
    }
    return builder.encode().buildAndExpand(all).toUri();
  }

  URI uri(String service, String template, Object... values) {
    return uri(service, template, new LinkedMultiValueMap<>(), values);
  }

  /** A run id as the runtime spells them (a UUID), or empty. */
  static Optional<UUID> runId(String text) {
    try {
      UUID id = UUID.fromString(text);
      return id.toString().equals(text.toLowerCase(Locale.ROOT))
          ? Optional.of(id)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A dead letter's id (a positive whole number), or empty. */
  static Optional<Long> deadLetterId(String text) {
    if (!text.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(text);
    return id > 0 ? Optional.of(id) : Optional.empty();
  }

  /**
   * A function id (letters, digits, {@code . _ : -}, starting with a letter or digit), or empty.
   */
  static Optional<String> functionId(String text) {
    return FUNCTION_ID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
  }
}
