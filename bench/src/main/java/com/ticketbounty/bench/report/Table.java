package com.ticketbounty.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A table as printed and written to markdown: a title, headers, rows of text cells. */
public record Table(String title, List<String> headers, List<List<String>> rows) {

  public static Table of(String title, String... headers) {
    return new Table(title, List.of(headers), new ArrayList<>());
  }

  public Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(List.copyOf(row));
    return this;
  }

  /** Plain text with aligned columns, for the terminal. */
  public String text() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder(title).append('\n');
    line(text, headers, widths);
    for (List<String> row : rows) {
      line(text, row, widths);
    }
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      text.append(i == 0 ? "  " : " | ");
      text.append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    text.append('\n');
  }

  public String markdown() {
    StringBuilder text = new StringBuilder("**").append(title).append("**\n\n");
    text.append("| ").append(String.join(" | ", headers)).append(" |\n");
    text.append("|").append("---|".repeat(headers.size())).append('\n');
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return text.toString();
  }
}
