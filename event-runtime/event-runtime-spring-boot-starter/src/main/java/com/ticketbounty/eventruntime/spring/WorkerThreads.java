package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads of the engine's pools, of the kind {@code event-runtime.engine.worker-kind} names.
 * Virtual threads are reached by reflection: the runtime is built for Java 17, which has none, and
 * runs on later JVMs that do. On Java 19 and 20 they are a preview that refuses to start unless
 * enabled, so there they count as missing.
 */
final class WorkerThreads {
  private static final boolean VIRTUAL_AVAILABLE = probe();

  private WorkerThreads() {}

  /** The configured kind, or virtual where the JVM has virtual threads and platform elsewhere. */
  static WorkerKind resolve(@Nullable WorkerKind configured) {
    return resolve(configured, VIRTUAL_AVAILABLE, Runtime.version().feature());
  }

  static WorkerKind resolve(
      @Nullable WorkerKind configured, boolean virtualAvailable, int javaVersion) {
    if (configured == null) {
      return virtualAvailable ? WorkerKind.VIRTUAL : WorkerKind.PLATFORM;
    }
    if (configured == WorkerKind.VIRTUAL && !virtualAvailable) {
      throw new IllegalStateException(
          ("event-runtime.engine.worker-kind is virtual, but this JVM (Java %d) has no virtual"
                  + " threads: they need Java 21 or later. Set it to platform, or leave it unset"
                  + " for virtual threads where the JVM has them and platform threads elsewhere")
              .formatted(javaVersion));
    }
    return configured;
  }

  /** Threads named {@code prefix1}, {@code prefix2}, …; platform ones are daemons. */
  static ThreadFactory named(WorkerKind kind, String prefix) {
    return kind == WorkerKind.VIRTUAL ? virtual(prefix) : platform(prefix);
  }

  private static ThreadFactory platform(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** {@code Thread.ofVirtual().name(prefix, 1).factory()}. */
  private static ThreadFactory virtual(String prefix) {
    try {
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Object named =
          builder
              .getMethod("name", String.class, long.class)
              .invoke(ofVirtual().invoke(null), prefix, 1L);
      return (ThreadFactory) builder.getMethod("factory").invoke(named);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not make virtual threads: " + e, e);
    }
  }

  private static boolean probe() {
    try {
      ofVirtual().invoke(null);
      return true;
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      return false;
    }
  }

  private static Method ofVirtual() throws NoSuchMethodException {
    return Thread.class.getMethod("ofVirtual");
  }
}
