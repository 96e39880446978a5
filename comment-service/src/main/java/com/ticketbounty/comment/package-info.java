/** comment-service: comments on tickets, and the events that announce them. */
@NullMarked
package com.ticketbounty.comment;

import org.jspecify.annotations.NullMarked;
