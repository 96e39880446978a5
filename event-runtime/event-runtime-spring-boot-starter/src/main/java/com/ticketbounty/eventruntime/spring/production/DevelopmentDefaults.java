package com.ticketbounty.eventruntime.spring.production;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Settings whose development defaults must never reach production: each module names its own
 * (event-runtime its keys and broker credentials, a service its secrets) in {@code
 * META-INF/spring.factories} under this interface's name, and {@link ProductionGuard} asks all of
 * them before a {@code prod} service starts.
 */
public interface DevelopmentDefaults {

  /**
   * One line per setting of {@code environment} that still holds a development default, naming the
   * variable an operator sets instead; empty when there is none.
   */
  List<String> foundIn(Environment environment);

  /**
   * Whether two base64 keys are the same key, compared as decoded bytes: a padding, line break or
   * URL-safe spelling of the development key is still the development key.
   */
  static boolean sameKey(@Nullable String configured, String development) {
    byte[] mine = decode(configured);
    return mine != null && Arrays.equals(mine, decode(development));
  }

  /** The line {@link ProductionGuard} prints for a refused setting. */
  static String refusal(String variable, String why) {
    return "The prod profile refuses %s: %s.".formatted(variable, why);
  }

  private static byte @Nullable [] decode(@Nullable String base64) {
    if (base64 == null) {
      return null;
    }
    String normal = base64.replaceAll("\\s", "").replace('-', '+').replace('_', '/');
    normal = normal.replaceAll("=+$", "");
    try {
      return Base64.getDecoder().decode(normal);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
