package com.ticketbounty.gateway.openapi;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.openapi.*}: what the merged {@code /v3/api-docs} is made of.
 *
 * @param routes the ids of the gateway's routes whose services' documents are merged, in this order
 *     (on a clash of names the first one's wins); each is fetched from its route's URI
 * @param timeout how long one service's document may take
 * @param cacheFor how long a merged document is served before the services are asked again
 * @param serverUrl the {@code servers} entry: by default relative, so the gateway that served the
 *     document is the one its calls go to
 */
@ConfigurationProperties("gateway.openapi")
public record OpenApiProperties(
    @DefaultValue({"identity", "tickets", "comments"}) List<String> routes,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("5s") Duration cacheFor,
    @DefaultValue("/") String serverUrl) {}
