package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.notification.application.FindPendingDigests;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.PendingBatch;
import com.ticketbounty.notification.application.PendingDigests;
import com.ticketbounty.notification.application.SendDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code batch-digest}, cron {@code 0 8 * * *} UTC: {@code find-pending} records which pending
 * notifications belong to whom — so every retry and replay sends exactly those — then one {@code
 * send-digest} step per recipient ({@code send-digest}, {@code send-digest:1}, … in recipient
 * order) sends one e-mail listing them and marks them sent in the same step. A notification queued
 * after {@code find-pending} waits for the next day.
 */
public final class BatchDigestFunction {
  public static final String ID = "batch-digest";
  static final String CRON = "0 8 * * *";

  private final FindPendingDigests findPendingDigests;
  private final SendDigest sendDigest;
  private final RetryPolicy retryPolicy;

  public BatchDigestFunction(
      FindPendingDigests findPendingDigests, SendDigest sendDigest, RetryPolicy retryPolicy) {
    this.findPendingDigests = findPendingDigests;
    this.sendDigest = sendDigest;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID).retryPolicy(retryPolicy).onCron(CRON).handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    PendingDigests digests =
        Objects.requireNonNull(
            context
                .step()
                .run("find-pending", PendingDigests.class, key -> findPendingDigests.find()));
    Notified notified = Notified.NONE;
    for (PendingBatch batch : digests.batches()) {
      Notified sent =
          context
              .step()
              .run(
                  "send-digest",
                  Notified.class,
                  key -> ProviderCalls.mapped(() -> sendDigest.send(batch, key)));
      notified = notified.and(sent == null ? Notified.NONE : sent);
    }
    return notified;
  }
}
