/**
 * What the runtime tells operators: the names of its spans, attributes and MDC keys, and the gauges
 * that read the store now and then.
 */
@NullMarked
package com.ticketbounty.eventruntime.telemetry;

import org.jspecify.annotations.NullMarked;
