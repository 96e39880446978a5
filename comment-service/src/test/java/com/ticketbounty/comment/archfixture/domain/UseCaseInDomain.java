package com.ticketbounty.comment.archfixture.domain;

import com.ticketbounty.comment.archfixture.application.FixtureUseCase;

/** Breaks "domain depends on no outer layer": it calls a use case. */
public class UseCaseInDomain {
  FixtureUseCase useCase;
}
