package com.ticketbounty.serviceweb.openapi;

import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Where a service serves its OpenAPI document (springdoc): the {@link Caller} argument comes from
 * the access token, not from the request, so it is no parameter of the document, whether a handler
 * takes a {@code Caller} or an {@code Optional<Caller>}; and the document declares the bearer
 * scheme that signed-in operations name ({@value #BEARER}).
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ServiceWebOpenApiAutoConfiguration {
  public static final String BEARER = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  /**
   * springdoc ignores a {@code Caller} parameter (above) but sees {@code Optional<Caller>} as an
   * Optional of an unknown type, a query parameter named after the argument: it is taken out again.
   */
  @Bean
  GlobalOperationCustomizer optionalCallerIsNoParameter() {
    return (operation, handler) -> {
      if (operation.getParameters() != null) {
        for (MethodParameter argument : handler.getMethodParameters()) {
          if (isOptionalCaller(argument)) {
            argument.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            String name = argument.getParameterName();
            operation.getParameters().removeIf(parameter -> name.equals(parameter.getName()));
          }
        }
      }
      return operation;
    };
  }

  private static boolean isOptionalCaller(MethodParameter argument) {
    return argument.getParameterType() == Optional.class
        && ResolvableType.forMethodParameter(argument).getGeneric(0).resolve() == Caller.class;
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
