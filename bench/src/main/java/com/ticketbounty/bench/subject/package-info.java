/**
 * The subjects the driver measures, each started in a JVM of its own by {@link
 * com.ticketbounty.bench.subject.SubjectMain}: event-runtime assembled through its public API, the
 * hand-written baseline, DBOS Transact, and the outbox relay. They talk to the driver through
 * standard streams only ({@link com.ticketbounty.bench.subject.DriverLink}).
 */
@NullMarked
package com.ticketbounty.bench.subject;

import org.jspecify.annotations.NullMarked;
