package com.ticketbounty.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations API's document ({@code openapi/ops-api.json}): the gateway serves {@code
 * /api/ops/**} itself, so its paths are written down here rather than fetched, and merged after the
 * services' documents.
 */
final class OpsApiDocs {
  static final String ROUTE = "ops";
  private static final String RESOURCE = "/openapi/ops-api.json";

  private OpsApiDocs() {}

  static ServiceDocument document(JsonMapper mapper) {
    try (InputStream in = OpsApiDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the gateway's jar");
      }
      return new ServiceDocument(ROUTE, Optional.of(mapper.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean serves(String path) {
    return path.startsWith("/api/ops/");
  }
}
