package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventType;

@EventType(name = "test/thing.happened", version = "1.0")
record ThingHappened(String thingId) {}
