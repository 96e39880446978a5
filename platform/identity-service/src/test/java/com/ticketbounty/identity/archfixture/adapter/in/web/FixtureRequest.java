package com.ticketbounty.identity.archfixture.adapter.in.web;

/** A request body, the target of the outbound adapter's forbidden dependency. */
public record FixtureRequest(String title) {}
