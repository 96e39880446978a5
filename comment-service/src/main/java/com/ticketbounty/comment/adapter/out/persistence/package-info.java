/** Comments and the tickets read model in the service's own PostgreSQL database, through R2DBC. */
@NullMarked
package com.ticketbounty.comment.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
