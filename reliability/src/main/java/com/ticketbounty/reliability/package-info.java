/**
 * The whole system broken on purpose (docs/reliability.md): the fault suite, the soak and the
 * scale-out run, each started from a command of the README, none part of the test command but for a
 * short smoke.
 */
@NullMarked
package com.ticketbounty.reliability;

import org.jspecify.annotations.NullMarked;
