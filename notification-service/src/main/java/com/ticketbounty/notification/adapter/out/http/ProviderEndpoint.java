package com.ticketbounty.notification.adapter.out.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One provider URL that messages are posted to.
 *
 * @param provider names the provider in messages and its circuit breaker ({@code email}, {@code
 *     slack}…); never the URL, which for a webhook is itself the secret
 * @param uri where to post
 * @param timeout how long one call may take, connecting included, before it counts as failed
 */
record ProviderEndpoint(String provider, URI uri, Duration timeout) {
  public ProviderEndpoint {
    if (provider.isBlank()) {
      throw new IllegalArgumentException("a provider needs a name");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      // The URL itself stays out of the message: a webhook's URL is its credential.
      throw new IllegalArgumentException(
          "the %s provider's URL is not an absolute http(s) URL".formatted(provider));
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "the %s provider's timeout must be positive".formatted(provider));
    }
  }

  /** The URL as configured (a webhook's). */
  static ProviderEndpoint at(String provider, String url, Duration timeout) {
    return new ProviderEndpoint(provider, uri(provider, url.strip()), timeout);
  }

  /**
   * {@code path} under a base URL such as {@code https://api.resend.com/} (slashes joined once).
   */
  static ProviderEndpoint under(String provider, String baseUrl, String path, Duration timeout) {
    String base = baseUrl.strip().replaceAll("/+$", "");
    return new ProviderEndpoint(provider, uri(provider, base + path), timeout);
  }

  private static URI uri(String provider, String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the %s provider's URL is not a URL".formatted(provider));
    }
  }
}
