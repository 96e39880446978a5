/** Use cases and the ports they need from the outside world. */
@NullMarked
package com.ticketbounty.notification.application;

import org.jspecify.annotations.NullMarked;
