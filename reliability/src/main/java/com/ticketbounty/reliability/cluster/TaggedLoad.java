package com.ticketbounty.reliability.cluster;

import com.ticketbounty.bench.driver.Clocks;
import com.ticketbounty.bench.driver.Completions;
import com.ticketbounty.bench.driver.OpenLoop;
import com.ticketbounty.bench.driver.WindowLatency;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One open loop of requests through the gateway whose side effect is an e-mail: request {@code seq}
 * carries the text {@code <tag> <seq>}, and so does its e-mail, which the provider's journal hands
 * to {@link #take}. It keeps, per request, the HTTP status, when it was answered, when its e-mail
 * arrived and every idempotency key its e-mails came with; so it can say what was lost (answered
 * 201, no e-mail) and what was doubled (more e-mails than keys, or several keys).
 */
final class TaggedLoad implements OpenLoop.Sender {
  private static final int NO_ANSWER = 0;
  private static final int ERROR = -1;

  private final String name;
  private final Pattern tagged;
  private final HttpClient client;
  private final IntFunction<HttpRequest> request;
  private final int expectedStatus;
  private final Completions answers;
  private final Completions emails;
  private final AtomicIntegerArray status;
  private final Map<Integer, Set<String>> keys = new ConcurrentHashMap<>();
  private final AtomicLong emailCount = new AtomicLong();
  private final OpenLoop loop;

  /**
   * @param request builds request {@code seq}; its body must carry {@code tag + " " + seq}
   */
  TaggedLoad(
      String name,
      String tag,
      HttpClient client,
      IntFunction<HttpRequest> request,
      int expectedStatus,
      double rate,
      int capacity) {
    this.name = name;
    this.tagged = Pattern.compile(Pattern.quote(tag) + " (\\d+)\\b");
    this.client = client;
    this.request = request;
    this.expectedStatus = expectedStatus;
    this.answers = new Completions(capacity);
    this.emails = new Completions(capacity);
    this.status = new AtomicIntegerArray(capacity);
    this.loop = new OpenLoop(rate, capacity, answers, this);
  }

  String name() {
    return name;
  }

  OpenLoop loop() {
    return loop;
  }

  @Override
  public void send(int seq, long intendedMicros) {
    emails.intended(seq, intendedMicros);
    client
        .sendAsync(request.apply(seq), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              status.set(seq, error != null ? ERROR : response.statusCode());
              if (error == null && response.statusCode() == expectedStatus) {
                answers.completed(seq, Clocks.wallMicros());
              }
            });
  }

  /** Counts an e-mail of this load's requests; others are ignored. */
  void take(ProviderJournal.Email email) {
    Matcher matcher = tagged.matcher(email.body());
    if (!matcher.find()) {
      return;
    }
    int seq = Integer.parseInt(matcher.group(1));
    emailCount.incrementAndGet();
    keys.computeIfAbsent(seq, s -> ConcurrentHashMap.newKeySet()).add(email.idempotencyKey());
    emails.completed(seq, email.receivedMicros());
  }

  /** Whether every request has an answer and every accepted one its e-mail. */
  boolean settled() {
    for (int seq = 0; seq < loop.sent(); seq++) {
      int answered = status.get(seq);
      if (answered == NO_ANSWER || (answered == expectedStatus && !keys.containsKey(seq))) {
        return false;
      }
    }
    return true;
  }

  /** The HTTP answers' latency of the requests meant to be sent in the window. */
  WindowLatency answerLatency(long fromMicros, long toMicros, long drainEndMicros) {
    return WindowLatency.of(answers, loop.sent(), fromMicros, toMicros, drainEndMicros);
  }

  /** From a request's scheduled time to its e-mail's arrival, for those meant in the window. */
  WindowLatency emailLatency(long fromMicros, long toMicros, long drainEndMicros) {
    return WindowLatency.of(emails, loop.sent(), fromMicros, toMicros, drainEndMicros);
  }

  /** Requests meant in the window that got no expected answer (an error status or none). */
  long failedIn(long fromMicros, long toMicros) {
    long failed = 0;
    for (int seq = 0; seq < loop.sent(); seq++) {
      long intended = answers.intendedAt(seq);
      if (intended >= fromMicros && intended < toMicros && status.get(seq) != expectedStatus) {
        failed++;
      }
    }
    return failed;
  }

  /** What reached the provider against what was asked for, once settled (or given up on). */
  Reconciliation reconcile() {
    int sent = loop.sent();
    long accepted = 0;
    long lost = 0;
    long effectDespiteFailure = 0;
    long distinctKeys = 0;
    long severalKeys = 0;
    for (int seq = 0; seq < sent; seq++) {
      Set<String> seqKeys = keys.getOrDefault(seq, Set.of());
      distinctKeys += seqKeys.size();
      if (seqKeys.size() > 1) {
        severalKeys++;
      }
      if (status.get(seq) == expectedStatus) {
        accepted++;
        if (seqKeys.isEmpty()) {
          lost++;
        }
      } else if (!seqKeys.isEmpty()) {
        effectDespiteFailure++;
      }
    }
    return new Reconciliation(
        name,
        sent,
        accepted,
        sent - accepted,
        effectDespiteFailure,
        lost,
        emailCount.get(),
        distinctKeys,
        severalKeys);
  }
}
