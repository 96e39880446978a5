package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.internal.ConcurrencyKey;
import com.ticketbounty.eventruntime.internal.EventFilter;
import com.ticketbounty.eventruntime.internal.WaitForEventMatch;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  public String key(String expression, EventEnvelope event) {
    return keys.computeIfAbsent(expression, ConcurrencyKey::compile).valueFor(event);
  }
}
