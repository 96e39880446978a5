package com.ticketbounty.eventruntime.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method a fresh {@link TestRuntime} parameter:
 * {@code @ExtendWith(EventRuntimeExtension.class)}.
 */
public final class EventRuntimeExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestRuntime.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new TestRuntime();
  }
}
