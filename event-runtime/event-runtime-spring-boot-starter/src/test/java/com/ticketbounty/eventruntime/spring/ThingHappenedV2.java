package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventType;

/** A later MAJOR of {@link ThingHappened}, published beside it. */
@EventType(name = "test/thing.happened", version = "2.0")
record ThingHappenedV2(String thingId, String detail) {}
