package com.ticketbounty.eventruntime.spi;

/**
 * A registered wait with its run's triggering event (the {@code event} of its match), read together
 * so that matching an event against every wait of its name is one query.
 *
 * @param runEvent the waiting run's trigger, encoded as on the wire
 */
public record OpenWait(WaitRecord registered, String runEvent) {}
