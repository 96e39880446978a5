package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TcpProxy;
import com.ticketbounty.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code SPRING_PROFILES_ACTIVE=prod} with the development event encryption key (the default): no
 * service starts. Each jar is started as run.sh would start it, on a database of its own, so the
 * only thing wrong is the key.
 */
class ProductionProfileSystemTest {
  private static final Map<String, String> JARS =
      Map.of(
          "identity-service", "platform/identity-service/target/identity-service-%s-exec.jar",
          "ticket-service", "ticket-service/target/ticket-service-%s-exec.jar",
          "comment-service", "comment-service/target/comment-service-%s-exec.jar",
          "notification-service", "notification-service/target/notification-service-%s-exec.jar",
          "gateway", "platform/gateway/target/gateway-%s-exec.jar");

  @Test
  void everyServiceRefusesToStartOnTheDevelopmentKey() throws Exception {
    List<Started> started = new ArrayList<>();
    try {
      for (var jar : JARS.entrySet()) {
        started.add(Started.start(jar.getKey(), jar.getValue()));
      }
      for (Started service : started) {
        assertThat(service.process().waitFor(3, TimeUnit.MINUTES))
            .as("%s stops by itself", service.name())
            .isTrue();
        String output = Files.readString(service.log());
        assertThat(service.process().exitValue()).as(output).isNotZero();
        assertThat(output)
            .as(service.name())
            .contains("The prod profile refuses EVENT_ENCRYPTION_KEY");
      }
    } finally {
      for (Started service : started) {
        service.process().destroyForcibly();
        service.database().close();
      }
    }
  }

  private record Started(String name, Process process, Path log, TestDatabase database) {
    static Started start(String name, String jarPattern) throws Exception {
      TestDatabase database = TestDatabase.create("prod_" + name.replace("-", "_"));
      Path log = Files.createTempFile("prod-" + name, ".log");
      Path jar = RunCommand.REPOSITORY.resolve(jarPattern.formatted("0.1.0-SNAPSHOT"));
      ProcessBuilder builder =
          new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("SPRING_PROFILES_ACTIVE", "prod");
      environment.remove("EVENT_ENCRYPTION_KEY");
      environment.put("DB_NAME", database.name());
      environment.put("DB_USER", database.user());
      String port = Integer.toString(TcpProxy.freePort());
      environment.put("SERVER_PORT", port);
      environment.put("EVENTRUNTIME_NAMEPREFIX", "prodtest.");
      return new Started(name, builder.start(), log, database);
    }
  }
}
