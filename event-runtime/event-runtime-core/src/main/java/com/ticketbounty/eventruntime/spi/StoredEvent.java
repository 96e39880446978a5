package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import java.util.UUID;

/** An event of a name some function waits for, kept so that a later wait can still match it. */
public record StoredEvent(UUID id, String name, String event, Instant storedAt) {}
