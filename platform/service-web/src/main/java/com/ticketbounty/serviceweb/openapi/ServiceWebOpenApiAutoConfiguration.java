package com.ticketbounty.serviceweb.openapi;

import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Where a service serves its OpenAPI document (springdoc): the {@link Caller} argument comes from
 * the access token, not from the request, so it is no parameter of the document; and the document
 * declares the bearer scheme that signed-in operations name ({@value #BEARER}).
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ServiceWebOpenApiAutoConfiguration {
  public static final String BEARER = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenApiCustomizer bearerScheme() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              BEARER,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("JWT"));
    };
  }
}
