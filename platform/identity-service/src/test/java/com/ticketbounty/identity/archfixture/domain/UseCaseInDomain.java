package com.ticketbounty.identity.archfixture.domain;

import com.ticketbounty.identity.archfixture.application.FixtureUseCase;

/** Breaks "domain depends on no outer layer": it calls a use case. */
public class UseCaseInDomain {
  FixtureUseCase useCase;
}
