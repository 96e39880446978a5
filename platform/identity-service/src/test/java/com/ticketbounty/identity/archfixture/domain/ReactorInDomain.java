package com.ticketbounty.identity.archfixture.domain;

import reactor.core.publisher.Mono;

/** Breaks "domain uses no framework": Reactor. */
public class ReactorInDomain {
  Mono<String> title() {
    return Mono.just("title");
  }
}
