package com.ticketbounty.serviceweb.client;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * {@link ServiceTokens} for a service that calls others, once {@code
 * ticketbounty.service-client.id} is set: a client-credentials registration at identity-service's
 * token endpoint (HTTP Basic), the tokens kept in memory by Spring Security's authorized-client
 * manager.
 */
@AutoConfiguration
@ConditionalOnProperty("ticketbounty.service-client.id")
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceClientAutoConfiguration {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Bean
  ServiceTokens serviceTokens(ServiceClientProperties properties) {
    String id = properties.id();
    if (id == null
        || id.isBlank()
        || properties.secret() == null
        || properties.secret().isBlank()) {
      throw new IllegalStateException(
          "ticketbounty.service-client needs both an id and a secret (the service's client secret)");
    }
    ClientRegistration identity =
        ClientRegistration.withRegistrationId(ServiceTokens.REGISTRATION)
            .clientId(id)
            .clientSecret(properties.secret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .tokenUri(properties.tokenUri())
            .build();
    var registrations = new InMemoryReactiveClientRegistrationRepository(identity);
    var store = new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
    var tokenClient = new WebClientReactiveClientCredentialsTokenResponseClient();
    tokenClient.setWebClient(
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                        .responseTimeout(TIMEOUT)))
            .build());
    var manager =
        new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, store);
    manager.setAuthorizedClientProvider(
        ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .clientCredentials(grant -> grant.accessTokenResponseClient(tokenClient))
            .build());
    return new ServiceTokens(manager, store, id);
  }
}
