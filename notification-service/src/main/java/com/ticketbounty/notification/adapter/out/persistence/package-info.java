/** The service's own tables in its PostgreSQL database, through JDBC. */
@NullMarked
package com.ticketbounty.notification.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
