package com.ticketbounty.comment.application;

import reactor.core.publisher.Mono;

/**
 * One transaction around a piece of work: every port used inside {@code work} commits together, or
 * nothing does. Work started inside an outer transaction joins it.
 */
public interface UnitOfWork {

  <T> Mono<T> inTransaction(Mono<T> work);
}
