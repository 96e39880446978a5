package com.ticketbounty.identity.config;

import com.ticketbounty.identity.adapter.out.security.KeyEncryptionKeys;
import com.ticketbounty.identity.domain.Lifetimes;
import com.ticketbounty.identity.domain.SessionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code identity.*}.
 *
 * @param adminEmails comma-separated addresses whose accounts get the ADMIN role once the address
 *     is verified ({@code ADMIN_EMAILS})
 * @param appBaseUrl the frontend's URL; reset links point there ({@code APP_BASE_URL})
 * @param rateLimits attempt limits of sign-in, forgot-password, sign-up, password reset and change,
 *     and verification requests
 * @param keys how the signing keys are kept
 * @param sessions how long sessions last
 * @param serviceClients the services that get service tokens (OAuth2 client credentials): client id
 *     → secret, each secret also configured in its service ({@code ticketbounty.service-client.*})
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
    @DefaultValue("") String adminEmails,
    @DefaultValue("http://localhost:3000") String appBaseUrl,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue Keys keys,
    @DefaultValue Sessions sessions,
    Map<String, String> serviceClients) {

  public IdentityProperties {
    serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
  }

  /**
   * @param attemptsPerMinute per client address and per account (or e-mail, or reset token), for
   *     each limited endpoint on its own (API.md: 10; a test system may raise it)
   */
  public record RateLimits(@DefaultValue("10") int attemptsPerMinute) {}

  /**
   * @param reloadInterval how often an instance rereads the keys (another instance's rotation is
   *     seen within this)
   * @param encryptionKey the key-encryption key that seals signing keys at rest, base64 of 32 bytes
   *     ({@code IDENTITY_KEY_ENCRYPTION_KEY}; the default is a development key)
   * @param previousEncryptionKeys key-encryption keys that sealed keys earlier: they only open
   *     ({@code IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS}, comma-separated)
   */
  public record Keys(
      @DefaultValue("10s") Duration reloadInterval,
      @DefaultValue(KeyEncryptionKeys.DEVELOPMENT_KEY) String encryptionKey,
      @DefaultValue List<String> previousEncryptionKeys) {

    /** Checked at start-up: a key that is not 32 bytes of base64 stops it, naming the setting. */
    public KeyEncryptionKeys keyEncryptionKeys() {
      return KeyEncryptionKeys.of(encryptionKey, previousEncryptionKeys);
    }

    /** Never the keys themselves: a record would print them. */
    @Override
    public String toString() {
      return "Keys[reloadInterval=%s, encryptionKey=[redacted], %d previous]"
          .formatted(reloadInterval, previousEncryptionKeys.size());
    }
  }

  /**
   * @param absoluteLifetime from sign-in; no refresh after it ({@code
   *     IDENTITY_SESSION_ABSOLUTE_LIFETIME})
   * @param refreshGrace how long a spent refresh token still buys a new pair, for two tabs
   *     refreshing at once ({@code IDENTITY_SESSION_REFRESH_GRACE}, at most a minute)
   */
  public record Sessions(
      @DefaultValue("P30D") Duration absoluteLifetime,
      @DefaultValue("PT10S") Duration refreshGrace) {

    public SessionPolicy policy() {
      return new SessionPolicy(absoluteLifetime, Lifetimes.REFRESH_TOKEN, refreshGrace);
    }
  }
}
