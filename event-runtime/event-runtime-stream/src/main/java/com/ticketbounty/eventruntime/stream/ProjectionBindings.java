package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.spring.ConnectionShare;
import com.ticketbounty.eventruntime.spring.EventRuntimeProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the projection beans into Spring Cloud Stream bindings before anything reads the binder's
 * settings: it finds them among the bean definitions (their contract is the generic of their
 * declared type), and adds, below every setting of the service's own, the binding of each — {@code
 * <bean>-in-0} on the events exchange, the queue {@code <prefix><service>.<id>} bound by the
 * event's name, with exactly the arguments event-runtime declares ({@code SubscriptionTopology}: a
 * quorum queue with the delivery limit, the dead-letter exchange routed by the queue's name, {@code
 * reject-publish}; {@link DeadLetterStrategy} adds {@code at-least-once}), so a queue either side
 * declared first is the same queue to the other (RabbitMQ refuses a redeclaration with other
 * arguments: {@code PRECONDITION_FAILED}). The binder connects where event-runtime does. Any of it
 * can be overridden in the service's configuration; the function definition is the service's own
 * plus the projections (or minus them, when the runtime consumes them).
 *
 * <p>It also counts the projections' threads into the JDBC pool's budget ({@link ConnectionShare}).
 */
final class ProjectionBindings implements BeanFactoryPostProcessor, EnvironmentAware {
  static final String QUEUES_BEAN = "eventRuntimeProjectionQueues";
  private static final String DEFINITION = "spring.cloud.function.definition";
  private static final String BINDINGS = "spring.cloud.stream.bindings.";
  private static final String RABBIT_BINDINGS = "spring.cloud.stream.rabbit.bindings.";

  private @Nullable ConfigurableEnvironment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = (ConfigurableEnvironment) environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
    ConfigurableEnvironment env = Objects.requireNonNull(environment);
    List<ProjectionQueue> queues = find(beans);
    beans.registerSingleton(QUEUES_BEAN, new ProjectionQueues(queues));
    if (queues.isEmpty()) {
      return;
    }
    Binder binder = Binder.get(env);
    EventRuntimeProperties runtime =
        binder.bindOrCreate("event-runtime", EventRuntimeProperties.class);
    ProjectionConsumer consumer =
        binder.bindOrCreate("event-runtime.projections", ProjectionProperties.class).consumer();
    // The runtime's consumer runs its threads on every queue; the binder gives each binding one
    // listener thread, and a shared limit of as many permits bounds them all.
    int threads =
        consumer == ProjectionConsumer.RUNTIME
            ? runtime.consumer().threads()
            : Math.min(runtime.consumer().threads(), queues.size());
    beans.registerSingleton(
        "eventRuntimeProjectionThreads",
        new ConnectionShare(threads, "projection consumer thread"));
    beans.registerSingleton(
        "eventRuntimeProjectionDrain", new ConnectionShare(1, "projection dead-letter drain"));

    Set<String> definition = new LinkedHashSet<>(split(env.getProperty(DEFINITION, "")));
    Map<String, Object> defaults = new LinkedHashMap<>();
    queues.forEach(queue -> definition.remove(queue.beanName()));
    if (consumer == ProjectionConsumer.BINDER) {
      String service = runtime.serviceNameOr(env.getProperty("spring.application.name"));
      queues.forEach(queue -> definition.add(queue.beanName()));
      queues.forEach(queue -> defaults.putAll(binding(queue, runtime, service)));
    } else {
      // Nothing is bound: without this the binder would bind a lone Consumer bean on its own.
      defaults.put("spring.cloud.stream.function.autodetect", "false");
    }
    // Spring AMQP's connection (the binder's, and Boot's health check of it) goes where the
    // runtime's does, whichever consumer takes the projections.
    defaults.putAll(connection(runtime.rabbitmq()));
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "eventRuntimeProjectionsDefinition",
                Map.of(DEFINITION, String.join(";", definition))));
    env.getPropertySources().addLast(new MapPropertySource("eventRuntimeProjections", defaults));
  }

  private static List<ProjectionQueue> find(ConfigurableListableBeanFactory beans) {
    List<ProjectionQueue> found = new ArrayList<>();
    for (String name : beans.getBeanNamesForType(Projection.class, true, false)) {
      ResolvableType declared = beans.getMergedBeanDefinition(name).getResolvableType();
      Class<?> contract = declared.as(Projection.class).getGeneric(0).resolve();
      if (contract == null) {
        throw new IllegalStateException(
            "the projection bean '"
                + name
                + "' must declare its contract: return Projection<TheContract>, not "
                + declared);
      }
      found.add(ProjectionQueue.of(name, EventContracts.typeOf(contract).name()));
    }
    return found;
  }

  private static Map<String, Object> binding(
      ProjectionQueue queue, EventRuntimeProperties runtime, String service) {
    String binding = BINDINGS + queue.binding() + ".";
    String rabbit = RABBIT_BINDINGS + queue.binding() + ".consumer.";
    String prefix = runtime.namePrefix();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(binding + "destination", "events");
    settings.put(binding + "group", service + "." + queue.subscriptionId());
    // No retries inside the listener: a failure goes back to the queue, as the runtime's does.
    settings.put(binding + "consumer.max-attempts", "1");
    settings.put(rabbit + "prefix", prefix);
    settings.put(rabbit + "queue-name-group-only", "true");
    settings.put(rabbit + "exchange-type", "topic");
    settings.put(rabbit + "binding-routing-key", queue.eventName());
    settings.put(rabbit + "quorum.enabled", "true");
    settings.put(
        rabbit + "quorum.delivery-limit", String.valueOf(runtime.consumer().deliveryLimit()));
    settings.put(rabbit + "overflow-behavior", "reject-publish");
    settings.put(rabbit + "auto-bind-dlq", "true");
    settings.put(rabbit + "dead-letter-exchange", prefix + "events.dlx");
    settings.put(rabbit + "dead-letter-exchange-type", "direct");
    settings.put(rabbit + "dlq-quorum.enabled", "true");
    settings.put(rabbit + "republish-to-dlq", "false");
    settings.put(rabbit + "requeue-rejected", "true");
    settings.put(rabbit + "prefetch", String.valueOf(runtime.consumer().prefetch()));
    return settings;
  }

  private static Map<String, Object> connection(EventRuntimeProperties.Rabbitmq rabbit) {
    // The same nodes as the runtime's own connection, shuffled like amqp-client shuffles them.
    return Map.of(
        "spring.rabbitmq.addresses", rabbit.broker().toString(),
        "spring.rabbitmq.address-shuffle-mode", "random",
        "spring.rabbitmq.username", rabbit.username(),
        "spring.rabbitmq.password", rabbit.password(),
        "spring.rabbitmq.virtual-host", rabbit.virtualHost());
  }

  private static List<String> split(String definition) {
    return Arrays.stream(definition.split(";"))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toList());
  }

  /** The projections found, for the beans that consume them. */
  record ProjectionQueues(List<ProjectionQueue> queues) {
    ProjectionQueues {
      queues = List.copyOf(queues);
    }
  }
}
