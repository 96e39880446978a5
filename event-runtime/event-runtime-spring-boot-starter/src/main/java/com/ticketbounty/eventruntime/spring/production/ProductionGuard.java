package com.ticketbounty.eventruntime.spring.production;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Under the {@code prod} profile, stops start-up before anything connects anywhere when any {@link
 * DevelopmentDefaults} finds a development default: every finding is printed, one line each, so an
 * operator fixes them all at once, and the process exits non-zero. It runs once the configuration
 * files are read (after Boot's own post-processors), so it sees what the service would use; logging
 * is not set up yet, hence standard error.
 */
public final class ProductionGuard implements EnvironmentPostProcessor, Ordered {
  public static final String PROFILE = "prod";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> refusals = refusals(environment, application.getClassLoader());
    if (!refusals.isEmpty()) {
      refusals.forEach(System.err::println);
      throw new IllegalStateException(String.join(System.lineSeparator(), refusals));
    }
  }

  static List<String> refusals(ConfigurableEnvironment environment, ClassLoader classLoader) {
    return SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
        .load(DevelopmentDefaults.class)
        .stream()
        .flatMap(defaults -> defaults.foundIn(environment).stream())
        .toList();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
