package com.ticketbounty.serviceweb.security;

import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Hands a controller the {@link Caller} that {@link BearerTokenFilter} verified: a {@code Caller}
 * parameter makes the endpoint need a signed-in user (401 without one), an {@code Optional<Caller>}
 * parameter reads the caller when there is one.
 */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.nestedIfOptional().getNestedParameterType() == Caller.class;
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
    if (parameter.isOptional()) {
      return Mono.just(Optional.ofNullable(caller));
    }
    return caller == null ? Mono.error(signInRequired()) : Mono.just(caller);
  }

  /** 401 as problem details, raised where a controller needs a caller and has none. */
  public static ErrorResponseException signInRequired() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "Sign in first: this needs a valid access token.");
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return error;
  }
}
