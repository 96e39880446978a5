package com.ticketbounty.eventruntime;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header that lets a new MAJOR of an event be published beside the old one (DESIGN.md §4)
 * without either version's consumers dead-lettering the other's messages.
 *
 * <p>A producer that publishes one occurrence in several MAJOR versions sends each message with
 * {@value #HEADER} listing all of them ({@code 1,2}). A consumer that reads MAJOR 1 and receives
 * the 2.0 message of such a pair acks it: it gets the same occurrence in its own 1.0 message. A 2.0
 * message without the header, or whose list lacks 1, is still an unknown MAJOR to that consumer and
 * is dead-lettered with its reason — so when the producer stops sending 1.0 too early, the
 * consumers still on 1 show it in their dead letters instead of losing events silently.
 */
public final class EventMajors {
  /** A comma-separated list of the MAJOR versions the same occurrence was published in. */
  public static final String HEADER = "x-event-majors";

  private EventMajors() {}

  /** The header's value for these MAJOR versions, in ascending order. */
  public static String header(Collection<Integer> majors) {
    return majors.stream()
        .sorted()
        .distinct()
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }

  /**
   * Whether a consumer that reads {@code readMajor} should ack {@code event} unread: it is of
   * another MAJOR, and its headers say the same occurrence was also sent in {@code readMajor}, the
   * copy the consumer handles.
   */
  public static boolean readInItsOwnCopy(
      EventEnvelope event, Map<String, String> headers, int readMajor) {
    return event.version().major() != readMajor && alsoPublishedIn(headers, readMajor);
  }

  /**
   * Whether a message with these headers says its occurrence was also published in {@code major}; a
   * malformed header lists nothing.
   */
  public static boolean alsoPublishedIn(Map<String, String> headers, int major) {
    String value = headers.get(HEADER);
    if (value == null) {
      return false;
    }
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .anyMatch(part -> part.equals(String.valueOf(major)));
  }
}
