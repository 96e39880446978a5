package com.ticketbounty.identity.archfixture.adapter.out.messaging;

import com.ticketbounty.identity.archfixture.adapter.in.web.FixtureRequest;

/** Breaks "outbound adapters do not use inbound adapters": it publishes a web request body. */
public class FixturePublisher {
  void publish(FixtureRequest request) {}
}
