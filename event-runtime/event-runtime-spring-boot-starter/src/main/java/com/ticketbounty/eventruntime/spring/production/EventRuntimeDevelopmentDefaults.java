package com.ticketbounty.eventruntime.spring.production;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What event-runtime and the service's database connection bring as development defaults: the event
 * encryption key (also as a previous key: it would still open what anyone sealed with it),
 * RabbitMQ's {@code guest/guest}, a database password that is empty or {@code postgres} (the
 * superuser's, on a trust-authenticated development server), and the superuser {@code postgres}
 * itself as the database user: a service connects as its own role, which can reach its own database
 * only.
 */
public final class EventRuntimeDevelopmentDefaults implements DevelopmentDefaults {

  @Override
  public List<String> foundIn(Environment env) {
    List<String> found = new ArrayList<>();
    String key =
        env.getProperty("event-runtime.encryption-key", EventRuntimeProperties.DEVELOPMENT_KEY);
    if (DevelopmentDefaults.sameKey(key, EventRuntimeProperties.DEVELOPMENT_KEY)) {
      found.add(
          DevelopmentDefaults.refusal(
              "EVENT_ENCRYPTION_KEY",
              "it is the development key; set a 256-bit key of your own in base64"));
    }
    if (previousKeys(env).stream()
        .anyMatch(
            previous ->
                DevelopmentDefaults.sameKey(previous, EventRuntimeProperties.DEVELOPMENT_KEY))) {
      found.add(
          DevelopmentDefaults.refusal(
              "EVENT_ENCRYPTION_PREVIOUS_KEYS",
              "it holds the development key, which would still open anything sealed with it;"
                  + " remove it"));
    }
    String user = env.getProperty("event-runtime.rabbitmq.username", "guest");
    String password = env.getProperty("event-runtime.rabbitmq.password", "guest");
    if (user.equals("guest") && password.equals("guest")) {
      found.add(
          DevelopmentDefaults.refusal(
              "RABBITMQ_USERNAME/RABBITMQ_PASSWORD",
              "guest/guest is RabbitMQ's development account; set a user of this service's own"));
    }
    for (String prefix : List.of("spring.datasource", "spring.r2dbc")) {
      if (env.containsProperty(prefix + ".url") && superuser(env, prefix)) {
        found.add(
            DevelopmentDefaults.refusal(
                "DB_USER",
                "%s.username is the superuser 'postgres'; connect as this service's own role"
                    .formatted(prefix)));
        break;
      }
    }
    for (String prefix : List.of("spring.datasource", "spring.r2dbc")) {
      if (env.containsProperty(prefix + ".url") && weakPassword(env, prefix)) {
        found.add(
            DevelopmentDefaults.refusal(
                "DB_PASSWORD",
                "%s.password is empty or 'postgres'; set the password of this service's own"
                        .formatted(prefix)
                    + " database role"));
        break;
      }
    }
    return found;
  }

  private static boolean superuser(Environment env, String prefix) {
    return env.getProperty(prefix + ".username", "").strip().equalsIgnoreCase("postgres");
  }

  /** Bound as the codec binds them: a comma-separated value or a YAML list. */
  private static List<String> previousKeys(Environment env) {
    return Binder.get(env)
        .bind("event-runtime.previous-encryption-keys", Bindable.listOf(String.class))
        .orElse(List.of());
  }

  private static boolean weakPassword(Environment env, String prefix) {
    String password = env.getProperty(prefix + ".password", "");
    return password.isBlank() || password.toLowerCase(Locale.ROOT).equals("postgres");
  }
}
