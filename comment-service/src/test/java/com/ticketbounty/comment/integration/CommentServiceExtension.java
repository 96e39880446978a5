package com.ticketbounty.comment.integration;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the {@link RunningCommentService}, started on first use and kept in the root store,
 * which closes it once the last test class has run: every test class shares one service (one
 * start-up, one set of connections on the shared machine), except those marked {@link
 * ProjectionsOnTheRuntimesConsumer}, which share a second one set up that way. A failed start is
 * remembered, so that every test reports it at once instead of trying again.
 */
final class CommentServiceExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CommentServiceExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningCommentService.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(settings(context), Startup::attempt, Startup.class)
        .service();
  }

  /** The start-up settings the test class asks for; one service per distinct list. */
  private static List<String> settings(ExtensionContext context) {
    return context
            .getRequiredTestClass()
            .isAnnotationPresent(ProjectionsOnTheRuntimesConsumer.class)
        ? List.of("--event-runtime.projections.consumer=runtime")
        : List.of();
  }

  /** The outcome of the one start-up: the service, or why it did not start. */
  private record Startup(
      @Nullable RunningCommentService running, @Nullable RuntimeException failure)
      implements AutoCloseable {

    static Startup attempt(List<String> settings) {
      try {
        return new Startup(RunningCommentService.start(settings), null);
      } catch (RuntimeException e) {
        return new Startup(null, e);
      }
    }

    RunningCommentService service() {
      if (running == null) {
        throw new IllegalStateException("comment-service did not start", failure);
      }
      return running;
    }

    @Override
    public void close() {
      if (running != null) {
        running.close();
      }
    }
  }
}
