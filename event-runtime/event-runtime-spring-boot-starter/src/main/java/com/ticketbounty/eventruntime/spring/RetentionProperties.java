package com.ticketbounty.eventruntime.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code event-runtime.retention.*}.
 *
 * @param period how long finished records are kept (sent outbox rows, inbox records, redriven dead
 *     letters, finished runs with their steps, stored events, cron ticks but each function's
 *     latest)
 * @param auditPeriod how long the audit of operator actions is kept (longer: who replayed or
 *     redrove what is asked about after the runs themselves are gone)
 * @param interval how often the pruner runs
 * @param batchSize rows per delete transaction, kept small so pruning never holds up processing
 */
@ConfigurationProperties("event-runtime.retention")
public record RetentionProperties(
    @DefaultValue("7d") Duration period,
    @DefaultValue("90d") Duration auditPeriod,
    @DefaultValue("1h") Duration interval,
    @DefaultValue("1000") int batchSize) {}
