package com.ticketbounty.identity.archfixture.domain;

import io.r2dbc.spi.Row;

/** Breaks "domain uses no framework": R2DBC's SPI. */
public class R2dbcInDomain {
  Object title(Row row) {
    return row.get("title");
  }
}
