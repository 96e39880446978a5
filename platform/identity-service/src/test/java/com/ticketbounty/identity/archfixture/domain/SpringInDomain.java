package com.ticketbounty.identity.archfixture.domain;

import org.springframework.stereotype.Component;

/** Breaks "domain uses no framework": a Spring annotation. */
@Component
public class SpringInDomain {}
