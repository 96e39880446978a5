package com.ticketbounty.eventruntime.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code event-runtime.projections.*}.
 *
 * @param consumer who takes the projections' queues: {@code binder} (Spring Cloud Stream's Rabbit
 *     binder) or {@code runtime} (event-runtime's own consumer); the queues are the same either way
 * @param patience how long a consumer thread waits for a reactive projection's transaction before
 *     handing the message back to the queue for a later try
 */
@ConfigurationProperties("event-runtime.projections")
public record ProjectionProperties(
    @DefaultValue("binder") ProjectionConsumer consumer, @DefaultValue("30s") Duration patience) {}
