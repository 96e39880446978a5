/** Comment events, published through event-runtime's outbox. */
@NullMarked
package com.ticketbounty.comment.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
