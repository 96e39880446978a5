package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.testsupport.arch.EventRuntimeBoundary;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside event-runtime-core uses its internal packages: this module, the test kit (on its
 * classpath) and their tests work through the public API — and the rule bites.
 */
class EventRuntimeBoundaryTest {

  @Test
  void thisModuleAndTheTestKitUseOnlyThePublicApi() {
    EventRuntimeBoundary.check(
        "com.ticketbounty.eventruntime.postgres", "com.ticketbounty.eventruntime.test");
  }

  @Test
  void theRuleRejectsAClassOutsideCoreThatUsesTheEngine() {
    assertThatThrownBy(
            () ->
                EventRuntimeBoundary.internalsStayInCore()
                    .check(
                        new ClassFileImporter()
                            .importPackages("com.ticketbounty.eventruntime.postgres.archfixture")))
        .hasMessageContaining("ReachesIntoTheEngine")
        .hasMessageContaining("internal.engine.Engine");
  }
}
