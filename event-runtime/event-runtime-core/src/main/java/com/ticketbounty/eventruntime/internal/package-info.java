/** The engine. Not an API: it may change in any release. */
@NullMarked
package com.ticketbounty.eventruntime.internal;

import org.jspecify.annotations.NullMarked;
