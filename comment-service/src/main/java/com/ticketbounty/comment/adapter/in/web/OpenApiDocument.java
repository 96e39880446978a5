package com.ticketbounty.comment.adapter.in.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's part of the OpenAPI document ({@code /v3/api-docs}, merged by the gateway): its
 * public paths, with schema names and operation ids that do not collide with other services';
 * service-web declares the bearer scheme that signed-in operations name and keeps the {@code
 * Caller} argument out.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

  @Bean
  OpenAPI commentServiceOpenApi() {
    return new OpenAPI().info(new Info().title("comment-service").version("1"));
  }
}
