package com.ticketbounty.comment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI 3.1 document the gateway merges: every public path, nothing internal. */
@ExtendWith(CommentServiceExtension.class)
class ApiDocumentTest {
  private final RunningCommentService service;

  ApiDocumentTest(RunningCommentService service) {
    this.service = service;
  }

  @Test
  void describesThePublicPathsOnlyAsOpenApi31() {
    byte[] document =
        service
            .client()
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.openapi")
            .value(String.class, version -> assertThat(version).startsWith("3.1"))
            .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].get")
            .exists()
            .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].post")
            .exists()
            .jsonPath("$.paths['/api/comments/{id}'].patch")
            .exists()
            .jsonPath("$.paths['/api/comments/{id}'].delete")
            .exists()
            .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].get.operationId")
            .isEqualTo("listComments")
            .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].get.security")
            .doesNotExist()
            .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].post.security[0].bearer")
            .exists()
            .jsonPath("$.paths['/api/comments/{id}'].delete.security[0].bearer")
            .exists()
            .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].post.responses['201']")
            .exists()
            .jsonPath(
                "$.paths['/api/tickets/{ticketId}/comments'].post.responses['429']"
                    + ".headers['Retry-After'].schema.type")
            .isEqualTo("integer")
            .jsonPath("$.paths['/api/comments/{id}'].patch.responses['429']")
            .doesNotExist()
            .jsonPath("$.components.schemas.Comment")
            .exists()
            .jsonPath("$.components.schemas.CommentPageMetadata")
            .exists()
            .jsonPath("$.components.securitySchemes.bearer.scheme")
            .isEqualTo("bearer")
            .returnResult()
            .getResponseBodyContent();

    // The caller comes from the access token: it is no parameter of any operation.
    assertThat(new String(document, StandardCharsets.UTF_8))
        .doesNotContain("/internal", "\"caller\"");
  }
}
