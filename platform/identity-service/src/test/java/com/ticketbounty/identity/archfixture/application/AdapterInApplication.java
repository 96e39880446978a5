package com.ticketbounty.identity.archfixture.application;

import com.ticketbounty.identity.archfixture.adapter.out.persistence.FixtureRepository;

/** Breaks "application depends on no adapter": it uses a repository adapter, not a port. */
public class AdapterInApplication {
  FixtureRepository repository;
}
