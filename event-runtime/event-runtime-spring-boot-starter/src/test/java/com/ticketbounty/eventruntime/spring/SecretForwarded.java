package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.Sensitive;

/** Another contract whose sensitive field has the same name as {@link SecretShared}'s. */
@EventType(name = "test/secret.forwarded", version = "1.0")
record SecretForwarded(String thingId, @Sensitive String secret) {}
