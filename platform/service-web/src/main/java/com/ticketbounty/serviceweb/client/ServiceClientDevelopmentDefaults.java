package com.ticketbounty.serviceweb.client;

import com.ticketbounty.eventruntime.spring.production.DevelopmentDefaults;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/** A service's client secret left at its development default, which anyone can read in the repo. */
public final class ServiceClientDevelopmentDefaults implements DevelopmentDefaults {

  @Override
  public List<String> foundIn(Environment environment) {
    String id = environment.getProperty("ticketbounty.service-client.id");
    String secret = environment.getProperty("ticketbounty.service-client.secret", "");
    if (id == null || !secret.startsWith(ServiceClientProperties.DEVELOPMENT_SECRET_PREFIX)) {
      return List.of();
    }
    return List.of(
        DevelopmentDefaults.refusal(
            variableOf(id),
            "it is the development secret; set the client secret identity-service knows %s by"
                .formatted(id)));
  }

  /** {@code comment-service} → {@code COMMENT_SERVICE_CLIENT_SECRET}. */
  public static String variableOf(String clientId) {
    return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
  }
}
