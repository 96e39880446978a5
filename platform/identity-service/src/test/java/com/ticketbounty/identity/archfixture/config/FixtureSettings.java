package com.ticketbounty.identity.archfixture.config;

import com.ticketbounty.identity.archfixture.adapter.in.web.FixtureController;

/** Wiring that builds the controller which reads these settings back: a config/adapter cycle. */
public class FixtureSettings {
  FixtureController controller() {
    return new FixtureController();
  }
}
