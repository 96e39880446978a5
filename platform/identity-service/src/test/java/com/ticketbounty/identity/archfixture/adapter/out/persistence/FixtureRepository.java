package com.ticketbounty.identity.archfixture.adapter.out.persistence;

/** A well-behaved outbound adapter, the target of forbidden dependencies. */
public class FixtureRepository {}
