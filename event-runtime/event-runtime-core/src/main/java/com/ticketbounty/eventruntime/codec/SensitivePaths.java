package com.ticketbounty.eventruntime.codec;

import com.ticketbounty.eventruntime.Sensitive;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a contract's {@link Sensitive} components lie in its JSON data: a top-level component is
 * its name ({@code resetLink}), a component of a nested record its dotted path ({@code
 * recipient.link}). A sensitive component is sealed whole, so nothing below it is listed. A record
 * nested in itself is followed once.
 */
final class SensitivePaths {
  private static final ClassValue<List<String>> CACHE =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          List<String> paths = new ArrayList<>();
          collect(type, "", new HashSet<>(), paths);
          return List.copyOf(paths);
        }
      };

  private SensitivePaths() {}

  /** The paths of {@code contract}'s sensitive components; empty for a type that is no record. */
  static List<String> of(Class<?> contract) {
    return CACHE.get(contract);
  }

  private static void collect(
      Class<?> type, String prefix, Set<Class<?>> enclosing, List<String> into) {
    if (!type.isRecord() || !enclosing.add(type)) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String path = prefix + component.getName();
      if (component.isAnnotationPresent(Sensitive.class)) {
        into.add(path);
      } else {
        collect(component.getType(), path + ".", enclosing, into);
      }
    }
    enclosing.remove(type);
  }
}
