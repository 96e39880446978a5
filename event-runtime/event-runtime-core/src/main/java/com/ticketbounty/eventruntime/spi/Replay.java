package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run of a replay ({@link RunStore#replay}): its step {@code fromStepKey} and every step
 * recorded after it are dropped, earlier steps stay finished.
 *
 * @param waitingUntil null to requeue the run at once; otherwise the run waits on {@code
 *     fromStepKey} (written again as waiting) until this time — an invoke step whose invoked run is
 *     replayed with it, and whose result will resolve the step
 */
public record Replay(UUID runId, String fromStepKey, @Nullable Instant waitingUntil) {}
