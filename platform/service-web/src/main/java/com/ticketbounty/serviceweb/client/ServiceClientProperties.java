package com.ticketbounty.serviceweb.client;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketbounty.service-client.*}: how this service proves itself to the others' {@code
 * /internal/**} endpoints — the client id and secret identity-service knows it by.
 *
 * @param id the client id, such as {@code comment-service}; unset for a service that calls nobody
 * @param secret its secret (the development default is refused under the prod profile)
 * @param tokenUri identity-service's token endpoint
 */
@ConfigurationProperties("ticketbounty.service-client")
public record ServiceClientProperties(
    @Nullable String id,
    @Nullable String secret,
    @DefaultValue("http://127.0.0.1:8081/oauth2/token") String tokenUri) {

  /** The prefix of every development default secret (see {@code application.yml} files). */
  public static final String DEVELOPMENT_SECRET_PREFIX = "development-secret-of-";
}
