/**
 * The service's own tables in its PostgreSQL database, through JDBC: the local e-mail sink, the
 * read models its projections keep (recipients, ticket participants) and the notifications queued
 * for the batch digest. A projection's writes join the transaction that records its event in the
 * inbox, because the starter binds that connection as the data source's current one.
 */
@NullMarked
package com.ticketbounty.notification.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
