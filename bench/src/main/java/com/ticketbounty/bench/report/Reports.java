package com.ticketbounty.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run: the tables to the terminal, everything to {@code <results>/<timestamp>.json}, and
 * the markdown page with its plots ({@code benchmarks.md} and {@code benchmarks/*.png} in {@code
 * pages}: docs/ for the command, target/ for the smoke test).
 */
public final class Reports {
  private Reports() {}

  public record Written(Path json, Path markdown, List<Path> plots) {}

  public static Written write(
      String stamp,
      String mode,
      Map<String, String> machine,
      List<ScenarioReport> reports,
      Path results,
      Path pages)
      throws IOException {
    for (ScenarioReport report : reports) {
      System.out.println("\n== Scenario " + report.id() + ": " + report.title());
      report.tables().forEach(table -> System.out.println(table.text()));
      report.notes().forEach(note -> System.out.println("  * " + note));
    }
    Files.createDirectories(results);
    Path json = results.resolve(stamp + ".json");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("timestamp", stamp);
    document.put("mode", mode);
    document.put("machine", machine);
    document.put("scenarios", reports);
    JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValue(json.toFile(), document);
    Path plots = pages.resolve("benchmarks");
    Charts.writeAll(reports, plots);
    Path markdown = pages.resolve("benchmarks.md");
    Files.writeString(markdown, Markdown.page(stamp, mode, machine, reports));
    List<Path> pngs =
        reports.stream()
            .flatMap(r -> r.plots().stream())
            .map(p -> plots.resolve(p.file()))
            .toList();
    System.out.println("\nWrote " + json + ", " + markdown + " and " + pngs.size() + " plots");
    return new Written(json, markdown, pngs);
  }
}
