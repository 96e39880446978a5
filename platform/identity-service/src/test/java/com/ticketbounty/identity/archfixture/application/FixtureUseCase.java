package com.ticketbounty.identity.archfixture.application;

/** A well-behaved use case, the target of the domain's forbidden dependency. */
public class FixtureUseCase {}
