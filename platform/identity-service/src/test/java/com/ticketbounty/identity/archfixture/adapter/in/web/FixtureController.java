package com.ticketbounty.identity.archfixture.adapter.in.web;

import com.ticketbounty.identity.archfixture.adapter.out.persistence.FixtureRepository;
import com.ticketbounty.identity.archfixture.config.FixtureSettings;

/**
 * Breaks "inbound adapters do not use outbound adapters" (the repository), and closes a cycle
 * between adapter and config (the settings, whose wiring uses this controller).
 */
public class FixtureController {
  FixtureRepository repository;
  FixtureSettings settings;
}
