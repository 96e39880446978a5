package com.ticketbounty.admindigest.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.testsupport.arch.EventRuntimeBoundary;
import com.ticketbounty.testsupport.arch.HexagonalArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * admin-digest-service keeps the hexagonal layout of DESIGN.md §2, and each rule is shown to bite:
 * it rejects a fixture class (test sources, {@code fixtures.<case>}) made to break it.
 */
class HexagonalArchitectureTest {
  private static final String ROOT = "com.ticketbounty.admindigest";
  private static final String FIXTURES = ROOT + ".architecture.fixtures.";

  @TestFactory
  Stream<DynamicTest> serviceFollowsEveryRule() {
    JavaClasses service =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    return HexagonalArchitecture.of(ROOT).rules().stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(service)));
  }

  @Test
  void usesOnlyThePublicApiOfEventRuntime() {
    EventRuntimeBoundary.check(ROOT);
  }

  @Test
  void rejectsAFrameworkTypeInTheDomain() {
    assertRejects(
        "frameworkindomain", HexagonalArchitecture::domainUsesNoFramework, "WebAwareCount");
  }

  @Test
  void rejectsADomainClassCallingAUseCase() {
    assertRejects(
        "domaindependsoutward",
        HexagonalArchitecture::domainDependsOnNoOuterLayer,
        "SelfCountingDigest");
  }

  @Test
  void rejectsAUseCaseUsingAnAdapter() {
    assertRejects(
        "applicationusesadapter",
        HexagonalArchitecture::applicationDependsOnNoAdapterOrConfig,
        "CountTickets");
  }

  @Test
  void rejectsAnInboundAdapterCallingAnOutboundOne() {
    assertRejects(
        "inboundusesoutbound",
        HexagonalArchitecture::inboundAdaptersDoNotUseOutboundAdapters,
        "ShortcutDigestFunction");
  }

  @Test
  void rejectsAnOutboundAdapterCallingAnInboundOne() {
    assertRejects(
        "outboundusesinbound",
        HexagonalArchitecture::outboundAdaptersDoNotUseInboundAdapters,
        "CallbackFigures");
  }

  @Test
  void rejectsACycleBetweenLayers() {
    assertRejects("layercycle", HexagonalArchitecture::layersAreFreeOfCycles, "ConfiguredCounter");
  }

  private static void assertRejects(
      String fixture, Function<HexagonalArchitecture, ArchRule> rule, String offender) {
    String root = FIXTURES + fixture;
    JavaClasses classes = new ClassFileImporter().importPackages(root);
    ArchRule checked = rule.apply(HexagonalArchitecture.of(root));

    assertThatThrownBy(() -> checked.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offender);
  }
}
