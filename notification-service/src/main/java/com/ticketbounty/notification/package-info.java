/**
 * notification-service: sends the e-mails (later Slack, Discord, analytics) that events call for.
 */
@NullMarked
package com.ticketbounty.notification;

import org.jspecify.annotations.NullMarked;
