/**
 * The scenarios, one class each ({@link com.ticketbounty.bench.scenario.Scenario}), listed in
 * {@link com.ticketbounty.bench.scenario.Scenarios}.
 */
@NullMarked
package com.ticketbounty.bench.scenario;

import org.jspecify.annotations.NullMarked;
