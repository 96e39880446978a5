package com.ticketbounty.eventruntime.spring.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code event-runtime.operations.*}.
 *
 * @param jwksUri where the keys that sign access tokens are published (identity-service's JWKS)
 */
@ConfigurationProperties("event-runtime.operations")
public record OperationsProperties(
    @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwksUri) {}
