/**
 * The driver: starts each subject in a JVM of its own on a fresh database and queue, offers events
 * on an open-loop schedule, and measures latency, throughput, backlog, commits, WAL and CPU.
 */
@NullMarked
package com.ticketbounty.bench.driver;

import org.jspecify.annotations.NullMarked;
