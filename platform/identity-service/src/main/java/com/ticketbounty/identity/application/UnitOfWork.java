package com.ticketbounty.identity.application;

import reactor.core.publisher.Mono;

/**
 * One transaction around a piece of work: every port used inside {@code work}, events included,
 * commits together, or nothing does.
 */
public interface UnitOfWork {

  <T> Mono<T> inTransaction(Mono<T> work);
}
