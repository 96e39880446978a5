package com.ticketbounty.ticket.archfixture.application;

import com.ticketbounty.ticket.archfixture.adapter.out.persistence.FixtureRepository;

/** Breaks "application depends on no adapter": it uses a repository adapter, not a port. */
public class AdapterInApplication {
  FixtureRepository repository;
}
