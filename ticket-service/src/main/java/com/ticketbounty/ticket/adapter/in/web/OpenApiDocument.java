package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's part of the OpenAPI document ({@code /v3/api-docs}, merged by the gateway): its
 * public paths, signed-in ones marked with the bearer scheme. The {@link Caller} argument comes
 * from the access token, not from the request, so it is no parameter of the document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {
  static final String BEARER = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI ticketServiceOpenApi() {
    return new OpenAPI()
        .info(new Info().title("ticket-service").version("1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")));
  }
}
