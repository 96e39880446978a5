package com.ticketbounty.admindigest.application;

import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The owners of the figures as a test wants them: a count per kind, failures to throw first, and
 * every question asked, in order.
 */
public final class FakeFigures implements Figures {
  /** One question asked: what, since when. */
  public record Asked(Counted what, Instant since) {}

  private final Map<Counted, Count> counts = new EnumMap<>(Counted.class);
  private final Map<Counted, Deque<RuntimeException>> failures = new EnumMap<>(Counted.class);
  private final List<Asked> asked = new ArrayList<>();

  public FakeFigures answering(Counted what, Count count) {
    counts.put(what, count);
    return this;
  }

  /** The next questions about {@code what} fail with these, one each, before it answers. */
  public FakeFigures failingFirst(Counted what, RuntimeException... first) {
    failures.computeIfAbsent(what, key -> new ArrayDeque<>()).addAll(List.of(first));
    return this;
  }

  @Override
  public synchronized Count count(Counted what, Instant since) {
    asked.add(new Asked(what, since));
    Deque<RuntimeException> pending = failures.get(what);
    if (pending != null && !pending.isEmpty()) {
      throw pending.removeFirst();
    }
    Count count = counts.get(what);
    if (count == null) {
      throw new IllegalStateException("the test gave no count of " + what);
    }
    return count;
  }

  public synchronized List<Asked> asked() {
    return List.copyOf(asked);
  }

  public synchronized List<Asked> asked(Counted what) {
    return asked.stream().filter(question -> question.what() == what).toList();
  }
}
