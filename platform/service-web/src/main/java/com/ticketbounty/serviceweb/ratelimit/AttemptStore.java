package com.ticketbounty.serviceweb.ratelimit;

import com.ticketbounty.serviceweb.ServiceWebSchema;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where attempts are counted: Bucket4j's PostgreSQL backend on {@code service_web.attempt_buckets}
 * in the service's own database, so that every instance of a service (and every gateway) counts
 * into one bucket per key. PostgreSQL because every service already has it and we run no Redis.
 *
 * <p>An attempt is one short JDBC transaction on the service's pool ({@code SELECT … FOR UPDATE} of
 * the key's row, then {@code UPDATE}), so attempts on one key are serialised across instances and
 * none is lost. It blocks: {@link AttemptLimit} runs it off the event loop.
 *
 * <p>Each row carries the end of its key's window, measured with the buckets' own clock, and {@link
 * #forgetIdle()} deletes the rows whose window is over: such a row is exactly as good as the fresh
 * bucket the key would get next time, so the table holds only keys seen within the last window. The
 * clock is the wall clock: instances on several hosts must keep theirs synchronised (NTP); a skew
 * of a second moves the end of a window by as much.
 */
public final class AttemptStore {
  static final String TABLE = ServiceWebSchema.SCHEMA + ".attempt_buckets";
  static final int PRUNE_BATCH = 500;

  private final ProxyManager<String> buckets;
  private final JdbcClient jdbc;
  private final TimeMeter clock;

  /** The store on the wall clock, which every instance shares. */
  public AttemptStore(DataSource dataSource) {
    this(dataSource, TimeMeter.SYSTEM_MILLISECONDS);
  }

  /**
   * @param dataSource the service's database, migrated by {@link ServiceWebSchema}
   * @param clock what windows are measured with; a test's own, to let a window pass
   */
  public AttemptStore(DataSource dataSource, TimeMeter clock) {
    this.clock = clock;
    this.jdbc = JdbcClient.create(dataSource);
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .idColumn("id")
            .stateColumn("state")
            .addCustomColumn(new WindowEnd())
            .clientClock(clock)
            .build();
  }

  /** Buckets that allow {@code attempts} per {@code window} to each key. */
  public AttemptBuckets buckets(long attempts, Duration window) {
    return new AttemptBuckets(buckets, attempts, window);
  }

  /**
   * Deletes the keys whose window is over, in batches that skip rows an attempt holds right now (so
   * pruning never waits for, nor delays, an attempt).
   *
   * @return how many keys were forgotten
   */
  public int forgetIdle() {
    long now = clock.currentTimeNanos() / 1_000_000;
    int forgotten = 0;
    int batch;
    do {
      batch =
          jdbc.sql(
                  """
                  DELETE FROM %1$s WHERE id IN (
                    SELECT id FROM %1$s WHERE window_ends_at IS NULL OR window_ends_at <= ?
                    LIMIT ? FOR UPDATE SKIP LOCKED)"""
                      .formatted(TABLE))
              .param(now)
              .param(PRUNE_BATCH)
              .update();
      forgotten += batch;
    } while (batch == PRUNE_BATCH);
    return forgotten;
  }

  /**
   * Writes {@code window_ends_at} with every state: when all of the key's attempts are back, on the
   * buckets' clock. (Bucket4j's own expiry column adds its time to live to the system clock, which
   * would not match a test's clock.)
   */
  private static final class WindowEnd implements CustomColumnProvider<String> {
    private static final long NANOS_PER_MILLI = 1_000_000;

    @Override
    public void setCustomField(
        String key, int index, PreparedStatement statement, RemoteBucketState state, long now)
        throws SQLException {
      long end = now + state.calculateFullRefillingTime(now);
      // Rounded up: a row is never forgotten before its window is over (it is at window_ends_at).
      statement.setLong(index, (end + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
    }

    @Override
    public String getCustomFieldName() {
      return "window_ends_at";
    }
  }
}
