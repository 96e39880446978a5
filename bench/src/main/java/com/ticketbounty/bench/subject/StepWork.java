package com.ticketbounty.bench.subject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The body of every step, identical for all subjects: a SHA-256 digest of the event id and the
 * step's number, whose 64-character hex text is the step's result, checkpointed by each subject in
 * its own way. With a provider (scenario 4) the step first calls it, passing its idempotency key.
 */
public final class StepWork {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Optional<URI> provider;

  public StepWork(Optional<URI> provider) {
    this.provider = provider;
  }

  public String run(String eventId, int step, String idempotencyKey) throws Exception {
    if (provider.isPresent()) {
      HttpRequest request =
          HttpRequest.newBuilder(provider.get())
              .header("Idempotency-Key", idempotencyKey)
              .POST(HttpRequest.BodyPublishers.ofString(eventId))
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("provider answered " + response.statusCode());
      }
    }
    return digest(eventId, step);
  }

  /** {@link #run} for callers whose lambdas may not throw checked exceptions (DBOS's steps). */
  public String runUnchecked(String eventId, int step, String idempotencyKey) {
    try {
      return run(eventId, step, idempotencyKey);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String digest(String eventId, int step) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((eventId + ":" + step).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
