/**
 * The event catalog: one record per event and version, each with its stable wire name. Records are
 * named in the past tense; the wire names are the original app's. Golden JSON files in the test
 * resources pin every version's wire format.
 */
@NullMarked
package com.ticketbounty.events;

import org.jspecify.annotations.NullMarked;
