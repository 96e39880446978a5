package com.ticketbounty.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The hexagonal layout of a service (DESIGN.md §2) as ArchUnit rules, for one service root package
 * such as {@code com.ticketbounty.ticket}: {@code domain}, {@code application}, {@code adapter.in},
 * {@code adapter.out} and {@code config} beneath it.
 *
 * <p>Every rule refuses to pass vacuously: a rule whose subject matches no class fails, so a
 * renamed package or a wrong root cannot turn the architecture test green by checking nothing.
 */
public final class HexagonalArchitecture {
  /** What the domain must not touch: frameworks, persistence, messaging, JSON, reactive types. */
  static final List<String> FRAMEWORK_PACKAGES =
      List.of(
          "org.springframework..",
          "io.r2dbc..",
          "com.rabbitmq..",
          "tools.jackson..",
          "com.fasterxml.jackson..",
          "reactor..");

  private final String root;

  private HexagonalArchitecture(String root) {
    this.root = root;
  }

  /**
   * @param rootPackage the service's root package, for example {@code com.ticketbounty.ticket}
   */
  public static HexagonalArchitecture of(String rootPackage) {
    if (rootPackage.isBlank() || rootPackage.endsWith(".")) {
      throw new IllegalArgumentException("not a package name: '" + rootPackage + "'");
    }
    return new HexagonalArchitecture(rootPackage);
  }

  /** Every rule of this class, for a service that has all the layers. */
  public List<ArchRule> rules() {
    return List.of(
        domainUsesNoFramework(),
        domainDependsOnNoOuterLayer(),
        applicationDependsOnNoAdapterOrConfig(),
        inboundAdaptersDoNotUseOutboundAdapters(),
        outboundAdaptersDoNotUseInboundAdapters(),
        layersAreFreeOfCycles());
  }

  /** {@code domain} is plain Java: no Spring, R2DBC, AMQP, Jackson or Reactor. */
  public ArchRule domainUsesNoFramework() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("domain"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORK_PACKAGES.toArray(String[]::new))
        .because("the domain is plain Java (DESIGN.md §2)")
        .allowEmptyShould(false);
  }

  /** {@code domain} knows nothing of the use cases, adapters or wiring around it. */
  public ArchRule domainDependsOnNoOuterLayer() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("domain"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("application"), pkg("adapter"), pkg("config"))
        .because("dependencies point inwards, towards the domain")
        .allowEmptyShould(false);
  }

  /** {@code application} reaches the outside only through its own ports. */
  public ArchRule applicationDependsOnNoAdapterOrConfig() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("application"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("adapter"), pkg("config"))
        .because("use cases talk to the outside through ports that adapters implement")
        .allowEmptyShould(false);
  }

  /**
   * An inbound adapter (web, events) goes through a use case, never straight to an outbound one.
   */
  public ArchRule inboundAdaptersDoNotUseOutboundAdapters() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("adapter.in"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("adapter.out"))
        .because("inbound adapters call use cases, which reach outbound adapters through ports")
        .allowEmptyShould(false);
  }

  /** An outbound adapter (persistence, messaging, http) never calls back into an inbound one. */
  public ArchRule outboundAdaptersDoNotUseInboundAdapters() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("adapter.out"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("adapter.in"))
        .because("outbound adapters implement ports and know nothing of how requests arrive")
        .allowEmptyShould(false);
  }

  /** No cycle between the top-level packages beneath the root (domain, application, …). */
  public ArchRule layersAreFreeOfCycles() {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
  }

  private String pkg(String layer) {
    return root + "." + layer + "..";
  }
}
