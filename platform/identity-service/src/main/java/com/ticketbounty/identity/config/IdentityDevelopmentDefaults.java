package com.ticketbounty.identity.config;

import com.ticketbounty.eventruntime.spring.production.DevelopmentDefaults;
import com.ticketbounty.identity.adapter.out.security.KeyEncryptionKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * identity-service's development defaults, refused by the {@code prod} profile (registered in
 * {@code META-INF/spring.factories}): the development key-encryption key, as the current key or
 * among the previous ones, compared as decoded bytes so that another spelling of it is it still.
 */
public final class IdentityDevelopmentDefaults implements DevelopmentDefaults {
  static final String KEY = "identity.keys.encryption-key";
  static final String PREVIOUS_KEYS = "identity.keys.previous-encryption-keys";

  @Override
  public List<String> foundIn(Environment environment) {
    List<String> found = new ArrayList<>();
    String current = environment.getProperty(KEY, KeyEncryptionKeys.DEVELOPMENT_KEY);
    if (DevelopmentDefaults.sameKey(current, KeyEncryptionKeys.DEVELOPMENT_KEY)) {
      found.add(
          DevelopmentDefaults.refusal(
              "IDENTITY_KEY_ENCRYPTION_KEY",
              "it is the development key; set a 256-bit key of your own in base64"));
    }
    List<String> previous =
        Binder.get(environment)
            .bind(PREVIOUS_KEYS, Bindable.listOf(String.class))
            .orElse(List.of());
    if (previous.stream()
        .anyMatch(key -> DevelopmentDefaults.sameKey(key, KeyEncryptionKeys.DEVELOPMENT_KEY))) {
      found.add(
          DevelopmentDefaults.refusal(
              "IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS",
              "it holds the development key, which anyone can read; keys it sealed must be"
                  + " sealed again and rotated away without the prod profile first (see"
                  + " docs/runbooks/identity-key-encryption-key.md)"));
    }
    return found;
  }
}
