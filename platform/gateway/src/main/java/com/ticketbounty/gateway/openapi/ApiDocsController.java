package com.ticketbounty.gateway.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI 3.1 document of every public path, which Swagger UI ({@code
 * /swagger-ui.html}) shows. Always 200: a service that is down is left out and named in the
 * document's description.
 */
@Hidden
@RestController
class ApiDocsController {
  private final MergedApiDocs docs;

  ApiDocsController(MergedApiDocs docs) {
    this.docs = docs;
  }

  @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ObjectNode> apiDocs() {
    return docs.document();
  }
}
