package com.ticketbounty.serviceweb.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketbounty.security.*}.
 *
 * @param jwksUri where identity-service publishes the keys that verify access tokens
 * @param gatewayClientId the client id of the gateway, whose service token alone makes a service
 *     believe the {@code X-Forwarded-For} of a request ({@link ForwardedHeaders})
 */
@ConfigurationProperties("ticketbounty.security")
public record SecurityProperties(
    @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwksUri,
    @DefaultValue("gateway") String gatewayClientId) {}
