package com.ticketbounty.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as compose reads it (anchors and {@code <<} merges resolved), each {@code
 * ${VARIABLE:-default}} at its default: the stack as it starts with no variable set. No Docker
 * engine runs here, so its shape is what the tests can check.
 */
final class ComposeFile {
  private ComposeFile() {}

  static Map<String, Object> services() throws IOException {
    return map(load().get("services"));
  }

  static Map<String, Object> networks() throws IOException {
    return map(load().get("networks"));
  }

  static Map<String, Map<String, String>> serviceEnvironments() throws IOException {
    Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    services()
        .forEach(
            (name, service) -> {
              Map<String, String> environment = new LinkedHashMap<>();
              map(map(service).getOrDefault("environment", Map.of()))
                  .forEach(
                      (key, value) ->
                          environment.put(
                              key, NoSuperuserConfigurationTest.defaults(String.valueOf(value))));
              environments.put(name, environment);
            });
    return environments;
  }

  /** A list's items, or a map's keys (compose writes a service's networks either way). */
  @SuppressWarnings("unchecked")
  static List<String> list(Object node) {
    if (node instanceof Map<?, ?> keyed) {
      return keyed.keySet().stream().map(String::valueOf).toList();
    }
    return node == null ? List.of() : ((List<Object>) node).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  /** A YAML file of the repository (one document), by its path from the repository's root. */
  static Map<String, Object> yaml(String path) throws IOException {
    try (Reader reader = Files.newBufferedReader(RunCommand.REPOSITORY.resolve(path))) {
      return map(new Yaml().load(reader));
    }
  }

  private static Map<String, Object> load() throws IOException {
    return yaml("docker-compose.yml");
  }
}
