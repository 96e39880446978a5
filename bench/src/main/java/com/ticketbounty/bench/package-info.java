/**
 * The bench: {@link com.ticketbounty.bench.Bench} runs the scenarios and writes the report; see
 * docs/benchmarks.md for what is measured and how.
 */
@NullMarked
package com.ticketbounty.bench;

import org.jspecify.annotations.NullMarked;
