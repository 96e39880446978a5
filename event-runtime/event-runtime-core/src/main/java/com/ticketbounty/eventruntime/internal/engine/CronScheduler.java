package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.internal.CronSchedule;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the runs of cron functions, on the store's clock (PostgreSQL's, shared by every instance).
 * Each instance looks for due ticks; a tick starts a run only for the instance whose {@link
 * RunStore#startCronTick} records it, so every tick runs once across instances. The tick and its
 * run are recorded in one transaction: a crash or a failure in between leaves neither, and the next
 * look starts the tick again.
 *
 * <p>Missed ticks: at start-up the latest tick missed while every instance was down runs once if it
 * is less than one period old ({@link CronSchedule#tickToCatchUp}) — unless it is older than the
 * function's first deployment, so that a new function does not run at once for a tick it never saw.
 * The same rule holds while running: when a look finds several ticks due at once (earlier looks
 * failed, say in a database outage, or the JVM paused), only the latest runs, if it is less than
 * one period old; a single due tick, however late, runs as usual.
 *
 * <p>Not thread-safe: one thread (the loop's timer, or a test) drives it.
 */
public final class CronScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);

  private final Engine engine;
  private final RunStore store;
  private final List<Entry> entries = new ArrayList<>();
  private boolean started;

  public CronScheduler(Engine engine, RunStore store) {
    this.engine = engine;
    this.store = store;
    for (DurableFunction function : engine.functions().all()) {
      for (Trigger trigger : function.triggers()) {
        if (trigger instanceof Trigger.OnCron cron) {
          entries.add(new Entry(function.id(), CronSchedule.parse(cron.expression(), cron.zone())));
        }
      }
    }
  }

  public boolean hasSchedules() {
    return !entries.isEmpty();
  }

  /** Catches up the missed tick, if the rule allows, and starts watching for the next ones. */
  public void startUp() {
    Instant now = store.now();
    for (Entry entry : entries) {
      Instant deployedAt = store.cronDeployedAt(entry.functionId);
      entry
          .schedule
          .tickToCatchUp(now)
          .filter(tick -> !tick.isBefore(deployedAt))
          .ifPresent(tick -> fire(entry, tick));
      entry.next = entry.schedule.nextAfter(now);
    }
    started = true;
  }

  /**
   * Starts a run for the tick that has come since the last look, or for the one the missed-tick
   * rule keeps when several have ({@link #startUp()} first, if it has not succeeded yet). A look
   * that fails leaves its ticks due for the next one.
   *
   * @return how many runs this instance started
   */
  public int pollOnce() {
    if (!started) {
      startUp();
    }
    Instant now = store.now();
    int runs = 0;
    for (Entry entry : entries) {
      Instant next = entry.next;
      if (next == null) {
        throw new IllegalStateException("a schedule without its next tick after start-up");
      }
      if (next.isAfter(now)) {
        continue;
      }
      boolean fired =
          entry.schedule.nextAfter(next).isAfter(now)
              ? fire(entry, next)
              : catchUp(entry, next, now);
      runs += fired ? 1 : 0;
      entry.next = entry.schedule.nextAfter(now);
    }
    return runs;
  }

  /** Several ticks, from {@code first} on, came since the last look: the start-up rule decides. */
  private boolean catchUp(Entry entry, Instant first, Instant now) {
    Optional<Instant> latest = entry.schedule.tickToCatchUp(now);
    boolean fired = latest.isPresent() && fire(entry, latest.get());
    int missed = 0;
    for (Instant tick = first; !tick.isAfter(now); tick = entry.schedule.nextAfter(tick)) {
      missed++;
    }
    LOG.warn(
        "{}: {} cron ticks came from {} until {} while no look succeeded; skipped {}, as at"
            + " start-up only the latest runs, and only if it is less than one period old",
        entry.functionId,
        missed,
        first,
        now,
        latest.isPresent() ? missed - 1 : missed);
    return fired;
  }

  private boolean fire(Entry entry, Instant tick) {
    Optional<RunRecord> run = store.startCronTick(tick, engine.cronRun(entry.functionId, tick));
    run.ifPresent(started -> LOG.info("Started {} for its cron tick {}", entry.functionId, tick));
    return run.isPresent();
  }

  private static final class Entry {
    final String functionId;
    final CronSchedule schedule;
    @Nullable Instant next;

    Entry(String functionId, CronSchedule schedule) {
      this.functionId = functionId;
      this.schedule = schedule;
    }
  }
}
