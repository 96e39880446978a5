/** ticket-service over HTTP, for the tickets the read model has not heard of yet. */
@NullMarked
package com.ticketbounty.comment.adapter.out.http;

import org.jspecify.annotations.NullMarked;
