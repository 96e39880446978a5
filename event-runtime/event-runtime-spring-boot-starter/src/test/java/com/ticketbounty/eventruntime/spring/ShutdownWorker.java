package com.ticketbounty.eventruntime.spring;

import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.function.DurableFunction;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service process for {@link SigtermTest}: a Spring Boot application whose durable function runs
 * through the starter. Step {@code b} waits for a row in {@code releases} (the second worker does
 * not wait); every step and the start of the context's shutdown are recorded in {@code marks}.
 * Properties come as command-line arguments; {@code worker} names the process.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ShutdownWorker {

  public static void main(String[] args) {
    SpringApplication.run(ShutdownWorker.class, args);
  }

  @Bean
  DurableFunction job(DataSource dataSource, Environment env) {
    String worker = env.getRequiredProperty("worker");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return DurableFunction.named("job")
        .triggeredBy(ThingHappened.class)
        .handler(
            ctx -> {
              ctx.step().run("a", key -> mark(jdbc, "a", worker));
              ctx.step()
                  .run(
                      "b",
                      key -> {
                        mark(jdbc, "b", worker);
                        if (!worker.equals("second")) {
                          await()
                              .atMost(Duration.ofMinutes(2))
                              .until(() -> count(jdbc, "SELECT count(*) FROM releases") > 0);
                        }
                      });
              ctx.step().run("c", key -> mark(jdbc, "c", worker));
              return null;
            });
  }

  @Bean
  ApplicationListener<ContextClosedEvent> recordShutdown(DataSource dataSource, Environment env) {
    return event ->
        mark(JdbcClient.create(dataSource), "closing", env.getRequiredProperty("worker"));
  }

  private static void mark(JdbcClient jdbc, String step, String worker) {
    jdbc.sql("INSERT INTO marks (step, worker) VALUES (?, ?)").params(step, worker).update();
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
