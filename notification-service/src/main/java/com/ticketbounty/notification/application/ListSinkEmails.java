package com.ticketbounty.notification.application;

import java.util.List;
import java.util.Optional;

/**
 * Lists the e-mails of the local sink, newest first, a page at a time — for a developer or an
 * operator checking what the workflows sent while no provider is configured. With a provider the
 * sink is not used, and the answer says so with an empty list.
 */
public final class ListSinkEmails {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private final Optional<EmailSink> sink;

  private ListSinkEmails(Optional<EmailSink> sink) {
    this.sink = sink;
  }

  /** E-mails go to {@code sink}. */
  public static ListSinkEmails from(EmailSink sink) {
    return new ListSinkEmails(Optional.of(sink));
  }

  /** E-mails go to a provider: there is nothing to list here. */
  public static ListSinkEmails providerDelivers() {
    return new ListSinkEmails(Optional.empty());
  }

  /**
   * @param limit from 1 to {@link #MAX_LIMIT}
   * @param before the {@link SinkPage#nextBefore()} of the previous page; absent for the first
   */
  public SinkPage list(int limit, Optional<Long> before) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
    if (sink.isEmpty()) {
      return new SinkPage(Delivery.PROVIDER, List.of(), Optional.empty());
    }
    // One more than asked for tells whether another page follows.
    List<SinkEmail> found = sink.get().newest(limit + 1, before);
    List<SinkEmail> page = found.subList(0, Math.min(limit, found.size()));
    Optional<Long> next =
        found.size() > limit ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty();
    return new SinkPage(Delivery.SINK, List.copyOf(page), next);
  }

  /** Where this service's e-mails go. */
  public enum Delivery {
    /** The local sink: listed here. */
    SINK,
    /** The provider at {@code EMAIL_BASE_URL}: nothing is kept here. */
    PROVIDER
  }

  /**
   * @param nextBefore pass it back as {@code before} for the next page; empty on the last page
   */
  public record SinkPage(Delivery delivery, List<SinkEmail> emails, Optional<Long> nextBefore) {
    public SinkPage {
      emails = List.copyOf(emails);
    }
  }
}
