package com.ticketbounty.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario measured: its tables (with baselines and ratios), plots, notes, and the raw
 * results for the JSON file.
 */
public record ScenarioReport(
    String id,
    String title,
    List<Table> tables,
    List<Plot> plots,
    List<String> notes,
    List<Object> results) {

  public static ScenarioReport of(String id, String title) {
    return new ScenarioReport(
        id, title, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }
}
