/** E-mail senders: the Resend-compatible HTTP provider, or a log line when none is configured. */
@NullMarked
package com.ticketbounty.notification.adapter.out.email;

import org.jspecify.annotations.NullMarked;
