package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.EventType;

@EventType(name = "test/thing.happened", version = "1.2")
record ThingHappened(String thingId) {}
