package com.ticketbounty.eventruntime.test;

import com.ticketbounty.testsupport.arch.EventRuntimeBoundary;
import org.junit.jupiter.api.Test;

/** The test kit, main and test, uses only event-runtime's public API. */
class EventRuntimeBoundaryTest {

  @Test
  void theKitUsesOnlyThePublicApi() {
    EventRuntimeBoundary.check("com.ticketbounty.eventruntime.test");
  }
}
