package com.ticketbounty.testsupport.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service's architecture test: its real code follows the hexagonal rules, and each rule is proven
 * to bite — it rejects the fixture class in {@code <root>.archfixture} (the service's test sources)
 * written to break it, and it fails when its layer does not exist rather than passing on nothing. A
 * service extends it with its root package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HexagonalArchitectureContract {
  private final String root;
  private final String fixtures;
  private final JavaClasses realCode;
  private final JavaClasses fixtureCode;
  private final HexagonalArchitecture real;
  private final HexagonalArchitecture fixture;

  protected HexagonalArchitectureContract(String root) {
    this.root = root;
    this.fixtures = root + ".archfixture";
    this.realCode =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/archfixture/"))
            .importPackages(root);
    this.fixtureCode = new ClassFileImporter().importPackages(fixtures);
    this.real = HexagonalArchitecture.of(root);
    this.fixture = HexagonalArchitecture.of(fixtures);
  }

  @Test
  void realCodeFollowsEveryRule() {
    assertThat(realCode.stream().map(c -> c.getPackageName()))
        .noneMatch(name -> name.startsWith(fixtures));
    real.rules().forEach(rule -> rule.check(realCode));
  }

  @Test
  void usesOnlyThePublicApiOfEventRuntime() {
    EventRuntimeBoundary.check(root);
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
  void domainFrameworkRuleRejectsEachFramework(String fixtureClass) {
    assertThat(violations(fixture.domainUsesNoFramework()))
        .anyMatch(line -> line.contains(fixtures + ".domain." + fixtureClass));
  }

  @Test
  void domainFrameworkRuleIgnoresPlainDomainClasses() {
    assertThat(violations(fixture.domainUsesNoFramework()))
        .noneMatch(line -> line.contains("UseCaseInDomain"));
  }

  @Test
  void domainLayerRuleRejectsDomainCallingAUseCase() {
    assertThat(violations(fixture.domainDependsOnNoOuterLayer()))
        .isNotEmpty()
        .allMatch(line -> line.contains("UseCaseInDomain"));
  }

  @Test
  void applicationRuleRejectsUseOfAnAdapter() {
    assertThat(violations(fixture.applicationDependsOnNoAdapterOrConfig()))
        .isNotEmpty()
        .allMatch(line -> line.contains("AdapterInApplication"));
  }

  @Test
  void inboundRuleRejectsInboundAdapterUsingOutboundAdapter() {
    assertThat(violations(fixture.inboundAdaptersDoNotUseOutboundAdapters()))
        .isNotEmpty()
        .allMatch(line -> line.contains("FixtureController") && line.contains("FixtureRepository"));
  }

  @Test
  void outboundRuleRejectsOutboundAdapterUsingInboundAdapter() {
    assertThat(violations(fixture.outboundAdaptersDoNotUseInboundAdapters()))
        .isNotEmpty()
        .allMatch(line -> line.contains("FixturePublisher") && line.contains("FixtureRequest"));
  }

  @Test
  void cycleRuleRejectsCycleBetweenAdapterAndConfig() {
    assertThat(String.join("\n", violations(fixture.layersAreFreeOfCycles())))
        .contains("FixtureController", "FixtureSettings");
  }

  @Test
  void everyRuleFailsWhenItsLayerIsMissingInsteadOfPassingOnNothing() {
    HexagonalArchitecture nowhere = HexagonalArchitecture.of(root + ".nosuchservice");

    for (ArchRule rule : nowhere.rules()) {
      assertThatThrownBy(() -> rule.check(realCode))
          .as("rule over no classes must fail: %s", rule.getDescription())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("failed to check any classes");
    }
  }

  private List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtureCode);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }
}
