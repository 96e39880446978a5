/**
 * Accounts, sessions, secrets, signing keys and the audit log in the service's own PostgreSQL
 * database, through R2DBC.
 */
@NullMarked
package com.ticketbounty.identity.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
