package com.ticketbounty.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * event-runtime's boundary: its {@code internal} packages are event-runtime-core's own, free to
 * change in any release; everything else — the starter, the adapters, the test kit, the services
 * and their tests — works through its public packages ({@code engine.DurableEngine}, {@code codec},
 * {@code spi}, {@code function}, …). Each module checks its own classes with {@link #check}.
 */
public final class EventRuntimeBoundary {
  /** The packages only event-runtime-core may use. */
  public static final String INTERNAL = "com.ticketbounty.eventruntime.internal..";

  private EventRuntimeBoundary() {}

  /** No class outside event-runtime-core depends on a class of its internal packages. */
  public static ArchRule internalsStayInCore() {
    return noClasses()
        .that(outsideCore())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL)
        .because(
            "event-runtime's internal packages may change in any release: use its public API"
                + " (DurableEngine, EventCodec, the spi)");
  }

  /**
   * Checks the classes of these packages on the classpath, main and test alike ({@code archfixture}
   * packages, written to break rules, left out).
   */
  public static void check(String... packages) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(location -> !location.contains("/archfixture/"))
            .importPackages(packages);
    internalsStayInCore().check(classes);
  }

  /** Classes not compiled from event-runtime-core, whether read from a directory or a jar. */
  static DescribedPredicate<JavaClass> outsideCore() {
    return DescribedPredicate.describe(
        "are outside event-runtime-core",
        javaClass ->
            javaClass
                .getSource()
                .map(source -> !source.getUri().toString().contains("event-runtime-core"))
                .orElse(true));
  }
}
