package com.ticketbounty.identity.archfixture.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Breaks "domain uses no framework": Jackson's annotations (com.fasterxml.jackson). */
public record JacksonAnnotationInDomain(@JsonProperty("t") String title) {}
