package com.ticketbounty.identity.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.testsupport.arch.HexagonalArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real code follows the hexagonal rules, and each rule is proven to bite: it rejects the
 * fixture class in {@code com.ticketbounty.identity.archfixture} written to break it, and it fails
 * when its layer does not exist rather than passing on nothing.
 */
class HexagonalArchitectureTest {
  private static final String ROOT = "com.ticketbounty.identity";
  private static final String FIXTURES = ROOT + ".archfixture";

  private static final JavaClasses REAL_CODE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("/archfixture/"))
          .importPackages(ROOT);
  private static final JavaClasses FIXTURE_CODE = new ClassFileImporter().importPackages(FIXTURES);

  private static final HexagonalArchitecture REAL = HexagonalArchitecture.of(ROOT);
  private static final HexagonalArchitecture FIXTURE = HexagonalArchitecture.of(FIXTURES);

  @Test
  void realCodeFollowsEveryRule() {
    assertThat(REAL_CODE.stream().map(c -> c.getPackageName()))
        .noneMatch(name -> name.startsWith(FIXTURES));
    REAL.rules().forEach(rule -> rule.check(REAL_CODE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SpringInDomain",
        "R2dbcInDomain",
        "RabbitInDomain",
        "JacksonInDomain",
        "JacksonAnnotationInDomain",
        "ReactorInDomain"
      })
  void domainFrameworkRuleRejectsEachFramework(String fixture) {
    assertThat(violations(FIXTURE.domainUsesNoFramework()))
        .anyMatch(line -> line.contains(FIXTURES + ".domain." + fixture));
  }

  @Test
  void domainFrameworkRuleIgnoresPlainDomainClasses() {
    assertThat(violations(FIXTURE.domainUsesNoFramework()))
        .noneMatch(line -> line.contains("UseCaseInDomain"));
  }

  @Test
  void domainLayerRuleRejectsDomainCallingAUseCase() {
    assertThat(violations(FIXTURE.domainDependsOnNoOuterLayer()))
        .isNotEmpty()
        .allMatch(line -> line.contains("UseCaseInDomain"));
  }

  @Test
  void applicationRuleRejectsUseOfAnAdapter() {
    assertThat(violations(FIXTURE.applicationDependsOnNoAdapterOrConfig()))
        .isNotEmpty()
        .allMatch(line -> line.contains("AdapterInApplication"));
  }

  @Test
  void inboundRuleRejectsInboundAdapterUsingOutboundAdapter() {
    assertThat(violations(FIXTURE.inboundAdaptersDoNotUseOutboundAdapters()))
        .isNotEmpty()
        .allMatch(line -> line.contains("FixtureController") && line.contains("FixtureRepository"));
  }

  @Test
  void outboundRuleRejectsOutboundAdapterUsingInboundAdapter() {
    assertThat(violations(FIXTURE.outboundAdaptersDoNotUseInboundAdapters()))
        .isNotEmpty()
        .allMatch(line -> line.contains("FixturePublisher") && line.contains("FixtureRequest"));
  }

  @Test
  void cycleRuleRejectsCycleBetweenAdapterAndConfig() {
    assertThat(String.join("\n", violations(FIXTURE.layersAreFreeOfCycles())))
        .contains("FixtureController", "FixtureSettings");
  }

  @Test
  void everyRuleFailsWhenItsLayerIsMissingInsteadOfPassingOnNothing() {
    HexagonalArchitecture nowhere = HexagonalArchitecture.of(ROOT + ".nosuchservice");

    for (ArchRule rule : nowhere.rules()) {
      assertThatThrownBy(() -> rule.check(REAL_CODE))
          .as("rule over no classes must fail: %s", rule.getDescription())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("failed to check any classes");
    }
  }

  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURE_CODE);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }
}
