package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code SPRING_PROFILES_ACTIVE=prod} refuses every development default: each one alone, with every
 * other setting given a production value, makes the service that would use it exit non-zero with
 * one line naming the variable to set — before it connects anywhere. The jars are started as run.sh
 * starts them, pointed at ports where nothing listens, so a guard that let one through would be
 * seen failing for another reason, never touch a real server.
 */
class ProductionProfileSystemTest {
  private static final Map<String, String> JARS =
      Map.of(
          "identity-service", "platform/identity-service/target/identity-service-%s-exec.jar",
          "ticket-service", "ticket-service/target/ticket-service-%s-exec.jar",
          "comment-service", "comment-service/target/comment-service-%s-exec.jar",
          "notification-service", "notification-service/target/notification-service-%s-exec.jar",
          "admin-digest-service", "admin-digest-service/target/admin-digest-service-%s-exec.jar",
          "gateway", "platform/gateway/target/gateway-%s-exec.jar");
  private static final Pattern REFUSAL = Pattern.compile("The prod profile refuses ([A-Z_/]+):");
  private static final String DEVELOPMENT_EVENT_KEY =
      "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdCE=";

  /** One development default among production values: the service, and what differs. */
  private record Case(String service, String variable, Map<String, String> changes) {}

  @Test
  void eachDevelopmentDefaultAloneStopsTheServiceThatUsesIt() throws Exception {
    List<Case> cases =
        List.of(
            new Case("ticket-service", "EVENT_ENCRYPTION_KEY", unset("EVENT_ENCRYPTION_KEY")),
            // Compared as decoded bytes: the development key without its padding is still it.
            new Case(
                "gateway",
                "EVENT_ENCRYPTION_KEY",
                Map.of("EVENT_ENCRYPTION_KEY", DEVELOPMENT_EVENT_KEY.replace("=", ""))),
            new Case(
                "notification-service",
                "EVENT_ENCRYPTION_PREVIOUS_KEYS",
                Map.of("EVENT_ENCRYPTION_PREVIOUS_KEYS", DEVELOPMENT_EVENT_KEY)),
            new Case(
                "identity-service",
                "IDENTITY_KEY_ENCRYPTION_KEY",
                unset("IDENTITY_KEY_ENCRYPTION_KEY")),
            new Case(
                "notification-service",
                "RABBITMQ_USERNAME/RABBITMQ_PASSWORD",
                unset("RABBITMQ_USERNAME", "RABBITMQ_PASSWORD")),
            new Case("comment-service", "DB_PASSWORD", unset("DB_PASSWORD")),
            new Case("ticket-service", "DB_PASSWORD", Map.of("DB_PASSWORD", "postgres")),
            new Case("identity-service", "DB_USER", Map.of("DB_USER", "postgres")),
            new Case("gateway", "GATEWAY_CLIENT_SECRET", unset("GATEWAY_CLIENT_SECRET")),
            new Case("identity-service", "GATEWAY_CLIENT_SECRET", unset("GATEWAY_CLIENT_SECRET")),
            new Case(
                "comment-service",
                "COMMENT_SERVICE_CLIENT_SECRET",
                unset("COMMENT_SERVICE_CLIENT_SECRET")),
            new Case(
                "admin-digest-service",
                "ADMIN_DIGEST_SERVICE_CLIENT_SECRET",
                unset("ADMIN_DIGEST_SERVICE_CLIENT_SECRET")),
            new Case(
                "identity-service",
                "ADMIN_DIGEST_SERVICE_CLIENT_SECRET",
                unset("ADMIN_DIGEST_SERVICE_CLIENT_SECRET")));

    List<Started> started = new ArrayList<>();
    try {
      for (Case each : cases) {
        Map<String, String> environment = new HashMap<>(production());
        environment.putAll(each.changes());
        environment.values().removeIf(String::isEmpty);
        started.add(Started.start(each.service(), environment));
      }
      for (int i = 0; i < cases.size(); i++) {
        Case each = cases.get(i);
        String output = started.get(i).awaitExit();
        assertThat(refusals(output))
            .as(
                "%s with %s left at its development default:%n%s",
                each.service(), each.variable(), output)
            .containsExactly(each.variable());
      }
    } finally {
      started.forEach(Started::stop);
    }
  }

  @Test
  void noServiceStartsOnItsDevelopmentDefaults() throws Exception {
    List<Started> started = new ArrayList<>();
    try {
      for (String service : JARS.keySet()) {
        started.add(Started.start(service, Map.of()));
      }
      for (Started service : started) {
        assertThat(refusals(service.awaitExit()))
            .as(service.name())
            .contains("EVENT_ENCRYPTION_KEY", "RABBITMQ_USERNAME/RABBITMQ_PASSWORD", "DB_PASSWORD");
      }
    } finally {
      started.forEach(Started::stop);
    }
  }

  /** A production value for every setting that has a development default. */
  private static Map<String, String> production() {
    return Map.of(
        "EVENT_ENCRYPTION_KEY", randomKey(),
        "IDENTITY_KEY_ENCRYPTION_KEY", randomKey(),
        "RABBITMQ_USERNAME", "ticketbounty",
        "RABBITMQ_PASSWORD", "an-operators-broker-password",
        "DB_USER", "ticketbounty_service",
        "DB_PASSWORD", "an-operators-database-password",
        "GATEWAY_CLIENT_SECRET", "an-operators-gateway-secret",
        "COMMENT_SERVICE_CLIENT_SECRET", "an-operators-comment-secret",
        "ADMIN_DIGEST_SERVICE_CLIENT_SECRET", "an-operators-admin-digest-secret");
  }

  private static Map<String, String> unset(String... variables) {
    Map<String, String> unset = new HashMap<>();
    for (String variable : variables) {
      unset.put(variable, "");
    }
    return unset;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static List<String> refusals(String output) {
    List<String> variables = new ArrayList<>();
    Matcher matcher = REFUSAL.matcher(output);
    while (matcher.find()) {
      if (!variables.contains(matcher.group(1))) {
        variables.add(matcher.group(1));
      }
    }
    return variables;
  }

  private record Started(String name, Process process, Path log) {
    static Started start(String name, Map<String, String> settings) throws Exception {
      Path log = Files.createTempFile("prod-" + name, ".log");
      Path jar = RunCommand.REPOSITORY.resolve(JARS.get(name).formatted("0.1.0-SNAPSHOT"));
      ProcessBuilder builder =
          new ProcessBuilder(RunCommand.JAVA, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.keySet().removeAll(production().keySet());
      environment.remove("EVENT_ENCRYPTION_PREVIOUS_KEYS");
      environment.putAll(settings);
      environment.put("SPRING_PROFILES_ACTIVE", "prod");
      // Where nothing listens: the guard must stop the service before it connects anywhere.
      String nowhere = Integer.toString(TcpProxy.freePort());
      environment.put("DB_PORT", nowhere);
      environment.put("RABBITMQ_PORT", nowhere);
      environment.put("SERVER_PORT", Integer.toString(TcpProxy.freePort()));
      return new Started(name, builder.start(), log);
    }

    /** The output once the process has stopped by itself, non-zero. */
    String awaitExit() throws Exception {
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s stops by itself", name).isTrue();
      String output = Files.readString(log);
      assertThat(process.exitValue()).as(output).isNotZero();
      return output;
    }

    void stop() {
      process.destroyForcibly();
      try {
        Files.deleteIfExists(log);
      } catch (java.io.IOException e) {
        // a temporary file; the system removes it in time
      }
    }
  }
}
