package com.ticketbounty.bench.driver;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The open loop's events as HTTP requests, sent asynchronously so that a slow answer never delays
 * the next request. An answer with another status than expected, or none, counts as failed; with
 * {@code completesOnAnswer} the answer's arrival is the request's completion, otherwise something
 * else completes it (a ticket's confirmation e-mail, {@link EmailReceipts}).
 */
public final class HttpSender implements OpenLoop.Sender {
  private final HttpClient client;
  private final IntFunction<HttpRequest> request;
  private final int expectedStatus;
  private final boolean completesOnAnswer;
  private final Completions completions;
  private final AtomicLong failed = new AtomicLong();

  public HttpSender(
      HttpClient client,
      IntFunction<HttpRequest> request,
      int expectedStatus,
      boolean completesOnAnswer,
      Completions completions) {
    this.client = client;
    this.request = request;
    this.expectedStatus = expectedStatus;
    this.completesOnAnswer = completesOnAnswer;
    this.completions = completions;
  }

  @Override
  public void send(int seq, long intendedMicros) {
    client
        .sendAsync(request.apply(seq), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null || response.statusCode() != expectedStatus) {
                failed.incrementAndGet();
              } else if (completesOnAnswer) {
                completions.completed(seq, Clocks.wallMicros());
              }
            });
  }

  public long failed() {
    return failed.get();
  }
}
