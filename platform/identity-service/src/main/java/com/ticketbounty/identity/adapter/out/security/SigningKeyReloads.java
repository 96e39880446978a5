package com.ticketbounty.identity.adapter.out.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reloads the ring every period: another instance's rotation is picked up, and a retired key drops
 * out of the store's answer once its tokens have expired. A failed reload keeps the keys it had.
 */
public final class SigningKeyReloads implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SigningKeyReloads.class);

  private final Disposable schedule;

  public SigningKeyReloads(SigningKeyRing ring, Duration period) {
    this.schedule =
        Flux.interval(period, period)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    ring.reload()
                        .onErrorResume(
                            e -> {
                              log.warn(
                                  "Reloading the signing keys failed; keeping the old ones", e);
                              return Mono.empty();
                            }))
            .subscribe();
  }

  @Override
  public void close() {
    schedule.dispose();
  }
}
