/**
 * Durable functions: an event handler written as plain sequential Java whose finished steps are
 * recorded, so that a crash, a redelivery or a retry never repeats them (DESIGN.md §5).
 *
 * <p>How an attempt runs: the body is called from the top; each {@link
 * com.ticketbounty.eventruntime.function.Step} call whose step has finished returns its recorded
 * result at once; the first unfinished {@code run} executes and is recorded before the body goes
 * on. A sleep, a wait, an invoke or a retry backoff ends the attempt and frees the thread; the next
 * attempt starts from the top again. So code between steps must be deterministic: time, randomness
 * and I/O belong inside steps.
 */
@NullMarked
package com.ticketbounty.eventruntime.function;

import org.jspecify.annotations.NullMarked;
