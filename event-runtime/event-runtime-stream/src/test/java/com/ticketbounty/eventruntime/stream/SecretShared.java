package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;

@EventType(name = "test/secret.shared", version = "1.0")
record SecretShared(String thingId, @Sensitive String secret) {}
