package com.ticketbounty.eventruntime.spi;

import java.util.UUID;

/** A step of a run, addressed from elsewhere: the invoking step of a child run, a wait. */
public record ParentStep(UUID runId, String stepKey) {}
