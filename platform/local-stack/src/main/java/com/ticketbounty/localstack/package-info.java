/**
 * What the run command (and docker-compose's set-up) needs that a shell cannot do alone: an
 * embedded PostgreSQL where the machine has none, and the services' databases, each with a login
 * role of its own that alone may use it, without depending on psql.
 */
@NullMarked
package com.ticketbounty.localstack;

import org.jspecify.annotations.NullMarked;
