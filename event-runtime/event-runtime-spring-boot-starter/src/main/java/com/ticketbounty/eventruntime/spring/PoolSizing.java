package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Sizes the service's Hikari pool for event-runtime, or stops start-up. A pool whose size the
 * service left unset gets the runtime's {@link ConnectionBudget} plus {@link
 * ConnectionBudget#SERVICE_SHARE}; one set smaller than the budget is refused with the numbers and
 * the setting to change. It works on the pool bean as it is created, before anything borrows a
 * connection (Hikari starts on first use), whichever configuration built it: the starter's for
 * R2DBC services, Boot's for the others.
 */
final class PoolSizing implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware {
  static final String SETTING = "spring.datasource.hikari.maximum-pool-size";
  private static final Logger LOG = LoggerFactory.getLogger(PoolSizing.class);
  private static final int HIKARI_DEFAULT = new HikariConfig().getMaximumPoolSize();

  private @Nullable ListableBeanFactory beans;
  private @Nullable Environment environment;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    if (beanFactory instanceof ListableBeanFactory listable) {
      beans = listable;
    }
  }

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      size(pool);
    }
    return bean;
  }

  private void size(HikariDataSource pool) {
    Binder binder = Binder.get(Objects.requireNonNull(environment));
    ConnectionBudget budget =
        ConnectionBudget.of(
            binder.bindOrCreate("event-runtime", EventRuntimeProperties.class),
            parts(binder),
            List.copyOf(
                Objects.requireNonNull(beans)
                    .getBeansOfType(ConnectionShare.class, false, false)
                    .values()));
    int has = pool.getMaximumPoolSize();
    boolean set = binder.bind(SETTING, Integer.class).isBound() || has != HIKARI_DEFAULT;
    if (!set) {
      pool.setMaximumPoolSize(budget.total() + ConnectionBudget.SERVICE_SHARE);
      LOG.info(
          "JDBC pool of {} connections: event-runtime's {} ({}) + {} for the service",
          pool.getMaximumPoolSize(),
          budget.total(),
          budget.breakdown(),
          ConnectionBudget.SERVICE_SHARE);
    } else if (has < budget.total()) {
      throw new IllegalStateException(
          ("the pool has %d connections; event-runtime needs %d: %s. Set %s to at least %d plus"
                  + " what the service uses itself, or leave it unset to have it derived, or lower"
                  + " event-runtime.engine.connections or event-runtime.consumer.threads")
              .formatted(has, budget.total(), budget.breakdown(), SETTING, budget.total()));
    }
  }

  /** Read from the bean definitions: the function and subscription beans do not exist yet. */
  private ConnectionBudget.Parts parts(Binder binder) {
    ListableBeanFactory factory = Objects.requireNonNull(beans);
    return new ConnectionBudget.Parts(
        factory.getBeanNamesForType(DurableFunction.class, true, false).length > 0,
        factory.getBeanNamesForType(Subscription.class, true, false).length > 0,
        binder.bind("event-runtime.retention.enabled", Boolean.class).orElse(true));
  }
}
