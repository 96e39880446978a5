package com.ticketbounty.bench.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, from the stub e-mail provider's request journal, when each confirmation e-mail of a phase
 * arrived, and completes the phase's event with that time (WireMock logs a request as it receives
 * it, in milliseconds). A phase's tickets are titled {@code <tag> <seq>}, and the confirmation
 * carries the title: so the journal of a shared provider, which other e-mails reach too, serves. A
 * confirmation sent twice (a retried step) counts as a duplicate.
 */
final class EmailReceipts implements Runnable {
  private final WireMockServer provider;
  private final Pattern title;
  private final Completions completions;
  private final Set<UUID> seen = new HashSet<>();
  private volatile boolean stopped;

  EmailReceipts(WireMockServer provider, String tag, Completions completions) {
    this.provider = provider;
    this.title = Pattern.compile(Pattern.quote(tag) + " (\\d+)");
    this.completions = completions;
  }

  /** Starts reading the journal every 50 ms on a thread of its own, until {@link #stop()}. */
  Thread start() {
    Thread thread = new Thread(this, "email-receipts");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      readJournal();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
    readJournal();
  }

  private void readJournal() {
    for (LoggedRequest request : provider.findAll(postRequestedFor(urlEqualTo("/emails")))) {
      if (!seen.add(request.getId())) {
        continue;
      }
      Matcher matcher = title.matcher(request.getBodyAsString());
      if (matcher.find()) {
        completions.completed(
            Integer.parseInt(matcher.group(1)), request.getLoggedDate().getTime() * 1_000);
      }
    }
  }
}
