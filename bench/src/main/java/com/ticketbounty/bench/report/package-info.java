/** What a run reports: tables, plots and notes per scenario, as text, JSON, markdown and PNG. */
@NullMarked
package com.ticketbounty.bench.report;

import org.jspecify.annotations.NullMarked;
