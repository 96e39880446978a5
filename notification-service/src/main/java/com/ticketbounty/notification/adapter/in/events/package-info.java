/** Event consumers: they turn a delivered event into a use-case call. */
@NullMarked
package com.ticketbounty.notification.adapter.in.events;

import org.jspecify.annotations.NullMarked;
