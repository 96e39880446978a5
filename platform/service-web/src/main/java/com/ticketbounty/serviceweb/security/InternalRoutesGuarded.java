package com.ticketbounty.serviceweb.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Refuses to start a service one of whose handlers maps an {@code /internal/**} path (in any case)
 * without declaring who may call it — an {@link InternalCaller} or {@link AdminCaller} parameter.
 * An internal endpoint then cannot be added unguarded by forgetting the argument, and the guard is
 * on the handler, where no spelling of the path can go around it.
 */
final class InternalRoutesGuarded implements SmartInitializingSingleton {
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  InternalRoutesGuarded(ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> unguarded =
        mappings
            .orderedStream()
            .flatMap(mapping -> unguarded(mapping.getHandlerMethods()).stream())
            .toList();
    if (!unguarded.isEmpty()) {
      throw new IllegalStateException(
          ("these /internal handlers declare no InternalCaller or AdminCaller parameter, so anyone"
                  + " could call them: %s")
              .formatted(unguarded));
    }
  }

  private static boolean isInternal(RequestMappingInfo mapping) {
    return mapping.getPatternsCondition().getPatterns().stream()
        .map(PathPattern::getPatternString)
        .map(pattern -> pattern.toLowerCase(Locale.ROOT))
        .anyMatch(pattern -> pattern.equals("/internal") || pattern.startsWith("/internal/"));
  }

  private static boolean isGuarded(HandlerMethod handler) {
    return Arrays.stream(handler.getMethodParameters())
        .map(parameter -> parameter.getParameterType())
        .anyMatch(type -> type == InternalCaller.class || type == AdminCaller.class);
  }

  /** The handlers among {@code handlers} that serve an internal path unguarded. */
  static List<String> unguarded(Map<RequestMappingInfo, HandlerMethod> handlers) {
    return handlers.entrySet().stream()
        .filter(entry -> isInternal(entry.getKey()) && !isGuarded(entry.getValue()))
        .map(entry -> "%s %s".formatted(entry.getKey(), entry.getValue().getShortLogMessage()))
        .toList();
  }
}
