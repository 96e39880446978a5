package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.testsupport.arch.EventRuntimeBoundary;
import org.junit.jupiter.api.Test;

/** Nothing in this module, main or test, uses event-runtime-core's internal packages. */
class EventRuntimeBoundaryTest {

  @Test
  void thisModuleUsesOnlyThePublicApi() {
    EventRuntimeBoundary.check("com.ticketbounty.eventruntime.stream");
  }
}
