package com.ticketbounty.serviceweb.openapi;

import com.ticketbounty.serviceweb.ratelimit.AttemptLimited;
import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
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
 * takes a {@code Caller} or an {@code Optional<Caller>}; the document declares the bearer scheme
 * that signed-in operations name ({@value #BEARER}); and an {@link AttemptLimited} operation lists
 * its 429 answer with {@code Retry-After}.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ServiceWebOpenApiAutoConfiguration {
  public static final String BEARER = "bearer";
  private static final String PROBLEM_JSON = "application/problem+json";

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

  /**
   * Added after springdoc has built the operation's answers, so the operation keeps its own 2xx
   * (springdoc drops the one it infers once any answer is declared by annotation).
   */
  @Bean
  GlobalOperationCustomizer attemptLimitedAnswers429() {
    return (operation, handler) -> {
      if (handler.hasMethodAnnotation(AttemptLimited.class)) {
        if (operation.getResponses() == null) {
          operation.setResponses(new ApiResponses());
        }
        operation.getResponses().addApiResponse("429", tooManyAttempts());
      }
      return operation;
    };
  }

  private static ApiResponse tooManyAttempts() {
    return new ApiResponse()
        .description("Too many attempts within a minute, per client address or per account")
        .addHeaderObject(
            "Retry-After",
            new Header()
                .description("Whole seconds until the next attempt is allowed")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE)))
        .content(
            new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new ObjectSchema())));
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
