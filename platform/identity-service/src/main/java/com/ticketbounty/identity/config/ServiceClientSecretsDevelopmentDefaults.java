package com.ticketbounty.identity.config;

import com.ticketbounty.eventruntime.spring.production.DevelopmentDefaults;
import com.ticketbounty.serviceweb.client.ServiceClientDevelopmentDefaults;
import com.ticketbounty.serviceweb.client.ServiceClientProperties;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * A service client whose secret identity-service still knows by its development default: anyone
 * could get that service's tokens, so the prod profile refuses it.
 */
public final class ServiceClientSecretsDevelopmentDefaults implements DevelopmentDefaults {

  @Override
  public List<String> foundIn(Environment environment) {
    if (!(environment instanceof ConfigurableEnvironment configurable)) {
      return List.of();
    }
    Map<String, String> clients =
        Binder.get(configurable)
            .bind("identity.service-clients", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    return clients.entrySet().stream()
        .filter(
            client ->
                client.getValue().startsWith(ServiceClientProperties.DEVELOPMENT_SECRET_PREFIX))
        .map(
            client ->
                DevelopmentDefaults.refusal(
                    ServiceClientDevelopmentDefaults.variableOf(client.getKey()),
                    "identity-service knows %s by its development secret; set a secret of your own"
                        .formatted(client.getKey())))
        .sorted()
        .toList();
  }
}
