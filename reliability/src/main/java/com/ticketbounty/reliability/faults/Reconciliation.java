package com.ticketbounty.reliability.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expected side effects against the provider's journal: an effect is lost when no request for it
 * was answered 200, and duplicated once for every further distinct idempotency key it was sent
 * under (the provider sends one e-mail per key, so retries under one key are harmless).
 *
 * @param expected how many effects the databases and the answers say must have happened
 * @param lost effects with no e-mail sent, a few named in {@code lostSample}
 * @param duplicated e-mails sent beyond one per effect, a few named in {@code duplicatedSample}
 */
public record Reconciliation(
    int expected, int lost, int duplicated, Set<String> lostSample, Set<String> duplicatedSample) {
  private static final int SAMPLE = 5;

  public static Reconciliation of(Set<String> expected, List<Delivery> journal) {
    Map<String, Set<String>> keysByEffect = new HashMap<>();
    for (Delivery email : journal) {
      if (email.sent()) {
        Effects.of(email)
            .filter(expected::contains)
            .ifPresent(
                effect ->
                    keysByEffect
                        .computeIfAbsent(effect, e -> new HashSet<>())
                        .add(email.idempotencyKey()));
      }
    }
    int lost = 0;
    int duplicated = 0;
    Set<String> lostSample = new TreeSet<>();
    Set<String> duplicatedSample = new TreeSet<>();
    for (String effect : expected) {
      int keys = keysByEffect.getOrDefault(effect, Set.of()).size();
      if (keys == 0) {
        lost++;
        sample(lostSample, effect);
      } else if (keys > 1) {
        duplicated += keys - 1;
        sample(duplicatedSample, effect + " " + keysByEffect.get(effect));
      }
    }
    return new Reconciliation(expected.size(), lost, duplicated, lostSample, duplicatedSample);
  }

  public boolean holds() {
    return lost == 0 && duplicated == 0;
  }

  private static void sample(Set<String> sample, String entry) {
    if (sample.size() < SAMPLE) {
      sample.add(entry);
    }
  }
}
