package com.ticketbounty.identity.adapter.out.security;

import com.ticketbounty.identity.application.ServiceClients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service clients of {@code identity.service-clients} (client id → secret). Only SHA-256
 * digests of the secrets are kept, compared in constant time; an unknown id is compared against a
 * digest nobody's secret has, so neither the answer nor its time tells which ids exist. The secrets
 * are long random strings, so a fast digest is as good as a slow password hash here.
 */
public final class ConfiguredServiceClients implements ServiceClients {
  private static final byte[] NOBODY = sha256("no client has this secret");

  private final Map<String, byte[]> digests;

  public ConfiguredServiceClients(Map<String, String> secrets) {
    secrets.forEach(
        (id, secret) -> {
          if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("identity.service-clients." + id + " is empty");
          }
        });
    this.digests =
        secrets.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> sha256(e.getValue())));
  }

  @Override
  public boolean authenticates(String clientId, String secret) {
    byte[] expected = digests.get(clientId);
    boolean matches = MessageDigest.isEqual(expected == null ? NOBODY : expected, sha256(secret));
    return matches && expected != null;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
