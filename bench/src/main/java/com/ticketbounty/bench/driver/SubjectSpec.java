package com.ticketbounty.bench.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subject to run: its {@code kind} (event-runtime, hand-written, dbos, relay), the label shown
 * in tables ({@code event-runtime@abc1234} under compare), the classpath it runs on, and the
 * arguments it is given beside its database and prefix.
 */
public record SubjectSpec(
    String label, String kind, Classpath classpath, Map<String, String> args) {

  public static SubjectSpec of(String kind, Classpath classpath) {
    String label = classpath.label().equals("current") ? kind : kind + "@" + classpath.label();
    return new SubjectSpec(label, kind, classpath, Map.of());
  }

  public SubjectSpec with(String key, Object value) {
    Map<String, String> more = new LinkedHashMap<>(args);
    more.put(key, String.valueOf(value));
    return new SubjectSpec(label, kind, classpath, Map.copyOf(more));
  }

  public SubjectSpec labelled(String newLabel) {
    return new SubjectSpec(newLabel, kind, classpath, args);
  }
}
