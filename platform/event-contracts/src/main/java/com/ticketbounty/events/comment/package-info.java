/** Events of comments, published by comment-service. */
@NullMarked
package com.ticketbounty.events.comment;

import org.jspecify.annotations.NullMarked;
