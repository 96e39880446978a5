package com.ticketbounty.comment.archfixture.application;

import com.ticketbounty.comment.archfixture.adapter.out.persistence.FixtureRepository;

/** Breaks "application depends on no adapter": it uses a repository adapter, not a port. */
public class AdapterInApplication {
  FixtureRepository repository;
}
