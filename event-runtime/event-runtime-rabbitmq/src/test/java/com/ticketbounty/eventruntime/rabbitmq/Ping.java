package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.EventType;

/** A contract for the tests. */
@EventType(name = "test/ping", version = "1.0")
public record Ping(String text) {}
