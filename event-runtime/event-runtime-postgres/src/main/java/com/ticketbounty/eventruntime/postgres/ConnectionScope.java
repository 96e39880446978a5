package com.ticketbounty.eventruntime.postgres;

import java.sql.Connection;

/**
 * Makes the inbox's connection the one a subscription's handler writes with, for as long as the
 * handler runs, so that its writes commit or roll back with the inbox row (and the handler needs no
 * second connection from the pool while the inbox holds one). A framework binds the connection
 * where its data-access code looks for the current transaction; without one nothing is bound.
 */
@FunctionalInterface
public interface ConnectionScope {
  ConnectionScope NONE = connection -> () -> {};

  Bound bind(Connection connection);

  /** Ends the binding; never throws. */
  interface Bound extends AutoCloseable {
    @Override
    void close();
  }
}
