/**
 * Telemetry settings every process shares: the management port (actuator health and prometheus),
 * trace export (OTLP and Zipkin, each only when its endpoint is set), context propagation through
 * Reactor, spans free of secrets, and JSON logs.
 */
@NullMarked
package com.ticketbounty.serviceweb.telemetry;

import org.jspecify.annotations.NullMarked;
