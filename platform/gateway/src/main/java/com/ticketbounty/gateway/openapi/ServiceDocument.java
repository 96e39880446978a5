package com.ticketbounty.gateway.openapi;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One service's own OpenAPI document as fetched just now.
 *
 * @param route the id of the gateway route that leads to the service
 * @param document empty when the service could not be asked or gave no usable document
 */
record ServiceDocument(String route, Optional<JsonNode> document) {}
