package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.internal.ConcurrencyKey;
import com.ticketbounty.eventruntime.internal.EventFilter;
import com.ticketbounty.eventruntime.internal.WaitForEventMatch;
import com.ticketbounty.eventruntime.spi.Correlation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** {@link EventExpressions} on CEL ({@code dev.cel}); each expression is compiled once. */
public final class CelExpressions implements EventExpressions {
  private final Map<String, EventFilter> filters = new ConcurrentHashMap<>();
  private final Map<String, WaitForEventMatch> matches = new ConcurrentHashMap<>();
  private final Map<String, ConcurrencyKey> keys = new ConcurrentHashMap<>();

  @Override
  public boolean accepts(String filter, EventEnvelope event) {
    return filters.computeIfAbsent(filter, EventFilter::compile).matches(event);
  }

  @Override
  public void checkMatch(String match) {
    matches.computeIfAbsent(match, WaitForEventMatch::compile);
  }

  @Override
  public boolean matches(String match, EventEnvelope event, EventEnvelope async) {
    return matches.computeIfAbsent(match, WaitForEventMatch::compile).matches(event, async);
  }

  @Override
  public @Nullable Correlation correlation(String match, EventEnvelope event) {
    return matches.computeIfAbsent(match, WaitForEventMatch::compile).correlation(event);
  }

  @Override
  public Set<Correlation> correlations(EventEnvelope async) {
    return WaitForEventMatch.correlationsOf(async);
  }

  @Override
  public String key(String expression, EventEnvelope event) {
    return keys.computeIfAbsent(expression, ConcurrencyKey::compile).valueFor(event);
  }
}
