package com.ticketbounty.gateway.headers;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.identity-headers.*}: request headers that claim who the caller is. Only a verified
 * access token says that, so none of them may reach a service from a client. Compared without
 * regard to case.
 *
 * @param names whole header names
 * @param prefixes name prefixes: every header whose name starts with one is dropped
 */
@ConfigurationProperties("gateway.identity-headers")
public record IdentityHeadersProperties(
    @DefaultValue({"X-Forwarded-User", "X-Remote-User", "Remote-User"}) List<String> names,
    @DefaultValue({"X-User-", "X-Auth-", "X-Authenticated-", "X-Session-", "X-Caller-"})
        List<String> prefixes) {

  public IdentityHeadersProperties {
    names = lowerCase(names);
    prefixes = lowerCase(prefixes);
  }

  boolean names(String header) {
    String name = header.toLowerCase(Locale.ROOT);
    return names.contains(name) || prefixes.stream().anyMatch(name::startsWith);
  }

  private static List<String> lowerCase(List<String> values) {
    return values.stream().map(String::trim).map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }
}
