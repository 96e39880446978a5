/**
 * What the run command needs that a shell cannot do alone: an embedded PostgreSQL where the machine
 * has none, and creating the services' databases without depending on psql.
 */
@NullMarked
package com.ticketbounty.localstack;

import org.jspecify.annotations.NullMarked;
