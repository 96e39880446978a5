package com.ticketbounty.serviceweb.telemetry;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps secrets out of spans and metric tags: a URL recorded by an observation (the WebClient's
 * {@code http.url} and {@code uri}, the gateway's {@code http.uri}, the server's {@code http.url})
 * loses its query string, and an absolute one keeps only its origin. A Slack or Discord webhook
 * carries its secret in the path, a provider may take a key in the query; neither reaches Zipkin,
 * the OTLP collector or Prometheus. Headers and bodies are never recorded by Boot's conventions.
 */
public final class UrlRedaction implements ObservationFilter {
  static final Set<String> URL_KEYS = Set.of("http.url", "http.uri", "uri", "url.full");

  @Override
  public Observation.Context map(Observation.Context context) {
    List<KeyValue> low = redacted(context.getLowCardinalityKeyValues());
    List<KeyValue> high = redacted(context.getHighCardinalityKeyValues());
    low.forEach(context::addLowCardinalityKeyValue);
    high.forEach(context::addHighCardinalityKeyValue);
    return context;
  }

  private static List<KeyValue> redacted(Iterable<KeyValue> keyValues) {
    List<KeyValue> changed = new ArrayList<>();
    for (KeyValue keyValue : keyValues) {
      if (URL_KEYS.contains(keyValue.getKey())) {
        String value = redact(keyValue.getValue());
        if (!value.equals(keyValue.getValue())) {
          changed.add(KeyValue.of(keyValue.getKey(), value));
        }
      }
    }
    return changed;
  }

  /** {@code https://hooks.slack.com/services/T/B/secret?x=1} → {@code https://hooks.slack.com}. */
  static String redact(String url) {
    int query = url.indexOf('?');
    String withoutQuery = query < 0 ? url : url.substring(0, query);
    int fragment = withoutQuery.indexOf('#');
    withoutQuery = fragment < 0 ? withoutQuery : withoutQuery.substring(0, fragment);
    if (!withoutQuery.contains("://")) {
      return withoutQuery;
    }
    try {
      URI uri = URI.create(withoutQuery);
      if (uri.getHost() == null) {
        return uri.getScheme() + "://";
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme() + "://" + uri.getHost() + port;
    } catch (IllegalArgumentException notAUri) {
      // Not parseable (a template with braces, say): keep nothing after the authority.
      int authority = withoutQuery.indexOf("://") + 3;
      int path = withoutQuery.indexOf('/', authority);
      return path < 0 ? withoutQuery : withoutQuery.substring(0, path);
    }
  }
}
