package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No service configuration names the PostgreSQL superuser: what the services read by default (every
 * module's {@code application*.yml}), what docker-compose gives them and what run.sh sets. Each
 * service's database user is its own role, named like its database ({@link DatabaseRolesSystemTest}
 * checks what the running system really connects as).
 */
class NoSuperuserConfigurationTest {
  private static final Path REPOSITORY = RunCommand.REPOSITORY;
  private static final Set<String> SERVICE_DATABASES =
      Set.of(
          "ticketbounty_identity",
          "ticketbounty_ticket",
          "ticketbounty_comment",
          "ticketbounty_notification",
          "ticketbounty_admin_digest",
          "ticketbounty_gateway");

  /** {@code ${NAME:default}} (Spring) or {@code ${NAME:-default}} (compose): the default. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.]+:-?([^}]*)}");

  @Test
  void everyServiceDefaultsToTheRoleNamedLikeItsDatabase() throws IOException {
    Set<String> checked = new HashSet<>();
    for (Path file : serviceConfigurations()) {
      Map<String, String> settings = flatten(file);
      for (String connection : List.of("spring.datasource", "spring.r2dbc")) {
        String url = settings.get(connection + ".url");
        if (url == null) {
          continue;
        }
        String database = defaults(url).substring(defaults(url).lastIndexOf('/') + 1);
        String user = defaults(settings.getOrDefault(connection + ".username", ""));
        assertThat(user).as("%s: %s.username", file, connection).isEqualTo(database);
        checked.add(database);
      }
    }
    assertThat(checked).containsExactlyInAnyOrderElementsOf(SERVICE_DATABASES);
  }

  @Test
  void noUserSettingOfAnyModuleDefaultsToTheSuperuser() throws IOException {
    for (Path file : serviceConfigurations()) {
      flatten(file)
          .forEach(
              (key, value) -> {
                if (key.toLowerCase().endsWith("user") || key.toLowerCase().endsWith("username")) {
                  assertThat(defaults(value)).as("%s: %s", file, key).isNotEqualTo("postgres");
                }
              });
    }
  }

  @Test
  void composeGivesEachServiceItsOwnRoleAndPassword() throws IOException {
    Map<String, Map<String, String>> environments = ComposeFile.serviceEnvironments();
    Set<String> passwords = new HashSet<>();
    int services = 0;
    for (var service : environments.entrySet()) {
      Map<String, String> environment = service.getValue();
      if (!environment.containsKey("DB_NAME")) {
        continue; // postgres, rabbitmq, the set-up job: no service
      }
      services++;
      assertThat(environment.get("DB_USER"))
          .as(service.getKey())
          .isEqualTo(environment.get("DB_NAME"));
      assertThat(environment.get("DB_PASSWORD"))
          .as(service.getKey())
          .isNotBlank()
          .isNotEqualToIgnoringCase("postgres");
      assertThat(environment).as(service.getKey()).doesNotContainKeys("DB_ADMIN_PASSWORD");
      passwords.add(environment.get("DB_PASSWORD"));
    }
    assertThat(services).isEqualTo(SERVICE_DATABASES.size());
    assertThat(passwords).as("a password per role").hasSize(services);
    assertThat(environments.get("postgres").get("POSTGRES_PASSWORD")).isNotIn(passwords);
  }

  /** run.sh sets each service's DB_USER from its database; none of its lines names postgres. */
  @Test
  void runShAssignsNoServiceTheSuperuser() throws IOException {
    List<String> assignments =
        Files.readAllLines(REPOSITORY.resolve("run.sh")).stream()
            .filter(line -> !line.strip().startsWith("#"))
            .filter(line -> line.contains("DB_USER=") || line.contains("DB_PASSWORD="))
            .toList();

    assertThat(assignments).isNotEmpty().noneMatch(line -> line.contains("postgres"));
  }

  private static List<Path> serviceConfigurations() throws IOException {
    try (Stream<Path> files = Files.walk(REPOSITORY)) {
      List<Path> found =
          files
              .filter(path -> path.toString().contains("/src/main/resources/"))
              .filter(path -> !path.toString().contains("/target/"))
              .filter(
                  path ->
                      path.getFileName().toString().matches("application.*\\.(ya?ml|properties)"))
              .toList();
      assertThat(found).as("application*.yml of the modules").isNotEmpty();
      return found;
    }
  }

  /** Every setting of a configuration file by its dotted key, values as written. */
  static Map<String, String> flatten(Path file) throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      if (file.toString().endsWith(".properties")) {
        Properties properties = new Properties();
        properties.load(reader);
        properties.forEach((key, value) -> settings.put(key.toString(), value.toString()));
      } else {
        for (Object document : new Yaml().loadAll(reader)) {
          flatten("", document, settings);
        }
      }
    }
    return settings;
  }

  private static void flatten(String prefix, Object node, Map<String, String> settings) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> flatten(prefix + key + ".", value, settings));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix.substring(0, prefix.length() - 1) + "[" + i + "].", list.get(i), settings);
      }
    } else if (node != null) {
      settings.put(prefix.substring(0, prefix.length() - 1), node.toString());
    }
  }

  /** A value with each placeholder replaced by its default: what a service gets when unset. */
  static String defaults(String value) {
    return PLACEHOLDER.matcher(value).replaceAll(found -> Matcher.quoteReplacement(found.group(1)));
  }
}
