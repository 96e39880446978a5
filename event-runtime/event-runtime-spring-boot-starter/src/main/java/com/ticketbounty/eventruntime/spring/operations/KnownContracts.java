package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.FunctionFailed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The event contracts a service knows, by wire name and MAJOR version, so that the operations API's
 * send-event seals their sensitive fields: the contracts its durable functions and subscriptions
 * read, the runtime's own, and the {@link EventType} records under {@code
 * event-runtime.contract-packages} (the catalog in platform/event-contracts, a service's own) —
 * scanned once, at the first send, so start-up pays nothing for it. Several records may name the
 * same event (a consumer's copy, a test's); all of them are returned.
 */
final class KnownContracts {
  private final Supplier<Collection<Class<?>>> consumed;
  private final List<String> packages;
  private final ClassLoader classLoader;
  private volatile @Nullable Map<String, List<Class<?>>> byNameAndMajor;

  KnownContracts(
      Supplier<Collection<Class<?>>> consumed, List<String> packages, ClassLoader classLoader) {
    this.consumed = consumed;
    this.packages = packages;
    this.classLoader = classLoader;
  }

  /** The records that describe the event {@code name} of MAJOR version {@code major}. */
  List<Class<?>> of(String name, int major) {
    Map<String, List<Class<?>>> known = byNameAndMajor;
    if (known == null) {
      known = index();
      byNameAndMajor = known;
    }
    return known.getOrDefault(key(name, major), List.of());
  }

  private Map<String, List<Class<?>>> index() {
    Set<Class<?>> contracts = new LinkedHashSet<>(consumed.get());
    contracts.add(FunctionFailed.class);
    contracts.addAll(scanned());
    Map<String, List<Class<?>>> index = new HashMap<>();
    for (Class<?> contract : contracts) {
      EventType type = EventContracts.typeOf(contract);
      index
          .computeIfAbsent(
              key(type.name(), EventContracts.versionOf(contract).major()), k -> new ArrayList<>())
          .add(contract);
    }
    return Map.copyOf(index);
  }

  private List<Class<?>> scanned() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
    scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
    List<Class<?>> found = new ArrayList<>();
    for (String base : packages) {
      for (BeanDefinition candidate : scanner.findCandidateComponents(base)) {
        String className = candidate.getBeanClassName();
        if (className != null) {
          found.add(ClassUtils.resolveClassName(className, classLoader));
        }
      }
    }
    return found;
  }

  private static String key(String name, int major) {
    return name + "@" + major;
  }
}
