package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventType;

@EventType(name = "test/thing.announced", version = "1.0")
record ThingAnnounced(String thingId) {}
