package com.ticketbounty.notification.adapter.out.log;

/**
 * Keeps a logged value on its line: the stand-ins for unconfigured providers log message text,
 * which may hold line breaks (and, being partly user text, could otherwise forge log lines).
 */
final class LogLines {
  private LogLines() {}

  /** {@code value} with CR and LF written as {@code \r} and {@code \n}. */
  static String oneLine(String value) {
    return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }
}
