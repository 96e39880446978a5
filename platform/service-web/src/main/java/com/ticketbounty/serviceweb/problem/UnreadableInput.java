package com.ticketbounty.serviceweb.problem;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Says what made a request unreadable (400) in the caller's terms — which field, or that the body
 * is not JSON — without passing on the parser's own message, which names our classes.
 */
public final class UnreadableInput {
  private UnreadableInput() {}

  /** The field or path variable at fault, with what is wrong with it, when it can be told. */
  public static Optional<FieldProblem> field(ServerWebInputException e) {
    MethodParameter parameter = e.getMethodParameter();
    if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
      String name = parameter.getParameterName();
      String message =
          parameter.getParameterType() == UUID.class ? "must be a UUID" : "has the wrong type";
      return Optional.of(new FieldProblem(name == null ? "path" : name, message));
    }
    return jacksonCause(e)
        .filter(cause -> !(cause instanceof StreamReadException))
        .map(UnreadableInput::path)
        .filter(path -> !path.isEmpty())
        .map(path -> new FieldProblem(path, "has the wrong type or an unknown value"));
  }

  public static String detail(ServerWebInputException e) {
    Optional<JacksonException> cause = jacksonCause(e);
    if (cause.isPresent() && cause.get() instanceof StreamReadException) {
      return "The body is not valid JSON.";
    }
    return field(e)
        .map(problem -> "'" + problem.field() + "' " + problem.message() + ".")
        .orElse("The request cannot be read.");
  }

  private static Optional<JacksonException> jacksonCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException jackson) {
        return Optional.of(jackson);
      }
    }
    return Optional.empty();
  }

  private static String path(JacksonException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getPropertyName() != null
                    ? reference.getPropertyName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
