package com.ticketbounty.notification.endtoend;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the {@link RunningNotificationService}, started on first use and kept in the root
 * store, which closes it once the last test class has run: every end-to-end class shares one
 * service (one start-up, one set of connections on the shared machine). A failed start is
 * remembered, so that every test reports it at once instead of trying again.
 */
final class NotificationServiceExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NotificationServiceExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningNotificationService.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("service", key -> Startup.attempt(), Startup.class)
        .service();
  }

  /** The outcome of the one start-up: the service, or why it did not start. */
  private record Startup(
      @Nullable RunningNotificationService running, @Nullable RuntimeException failure)
      implements AutoCloseable {

    static Startup attempt() {
      try {
        return new Startup(RunningNotificationService.start(), null);
      } catch (RuntimeException e) {
        return new Startup(null, e);
      }
    }

    RunningNotificationService service() {
      if (running == null) {
        throw new IllegalStateException("notification-service did not start", failure);
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
