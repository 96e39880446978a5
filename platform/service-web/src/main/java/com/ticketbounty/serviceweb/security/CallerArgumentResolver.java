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
 * Hands a handler what {@link BearerTokenFilter} verified, in the shape its parameter asks for —
 * and so decides who reaches the handler:
 *
 * <ul>
 *   <li>{@link Caller}: a signed-in user (401 without a token, 403 for a service's);
 *   <li>{@code Optional<Caller>}: the user when there is one (public endpoints);
 *   <li>{@link AdminCaller}: an ADMIN (401 without a token, 403 for anyone else);
 *   <li>{@link InternalCaller}: a service or an ADMIN (401 without a token, 403 for a user).
 * </ul>
 */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
    return type == Caller.class || type == AdminCaller.class || type == InternalCaller.class;
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    Optional<Authenticated> who = Authenticated.of(exchange);
    Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
    if (type == Caller.class) {
      Optional<Caller> caller = who.filter(Caller.class::isInstance).map(Caller.class::cast);
      if (parameter.isOptional()) {
        return Mono.just(caller);
      }
      return caller.isPresent()
          ? Mono.just(caller.get())
          : Mono.error(who.isEmpty() ? signInRequired() : forbidden("a user's access token"));
    }
    if (who.isEmpty()) {
      return Mono.error(signInRequired());
    }
    if (type == AdminCaller.class) {
      return who.get() instanceof Caller caller && caller.isAdmin()
          ? Mono.just(new AdminCaller(caller))
          : Mono.error(forbidden("an administrator"));
    }
    return who.get() instanceof Caller caller && !caller.isAdmin()
        ? Mono.error(forbidden("a service or an administrator"))
        : Mono.just(new InternalCaller(who.get()));
  }

  /** 401 as problem details, raised where a handler needs a caller and has none. */
  public static ErrorResponseException signInRequired() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "Sign in first: this needs a valid access token.");
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return error;
  }

  private static ErrorResponseException forbidden(String needed) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Only %s may do this.".formatted(needed));
    return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
  }
}
