/**
 * The test kit: an in-memory durable-function engine with a controllable clock and step mocks, so
 * that a function that sleeps for days is unit-tested in milliseconds. Start with {@link
 * com.ticketbounty.eventruntime.test.TestRuntime} or {@link
 * com.ticketbounty.eventruntime.test.EventRuntimeExtension}.
 */
@NullMarked
package com.ticketbounty.eventruntime.test;

import org.jspecify.annotations.NullMarked;
