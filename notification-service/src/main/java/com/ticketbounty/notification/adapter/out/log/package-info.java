/**
 * Stand-ins for the chat and analytics providers when their variables are unset (local runs): one
 * INFO line per message with its content. E-mails have the local sink instead (persistence).
 */
@NullMarked
package com.ticketbounty.notification.adapter.out.log;

import org.jspecify.annotations.NullMarked;
