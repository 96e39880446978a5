package com.ticketbounty.ticket.archfixture.domain;

import com.ticketbounty.ticket.archfixture.application.FixtureUseCase;

/** Breaks "domain depends on no outer layer": it calls a use case. */
public class UseCaseInDomain {
  FixtureUseCase useCase;
}
