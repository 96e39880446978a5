package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.internal.engine.CelExpressions;
import com.ticketbounty.eventruntime.internal.engine.EventExpressions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method a fresh {@link TestRuntime} parameter. The expressions (CEL) come from the
 * {@code expressions} given to the extension when it is registered with {@code @RegisterExtension},
 * or are unavailable with {@code @ExtendWith}.
 */
public final class EventRuntimeExtension implements ParameterResolver {
  private final EventExpressions expressions;

  public EventRuntimeExtension() {
    this(new CelExpressions());
  }

  public EventRuntimeExtension(EventExpressions expressions) {
    this.expressions = expressions;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestRuntime.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new TestRuntime(expressions);
  }
}
