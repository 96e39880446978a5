package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.AuditEntry;
import reactor.core.publisher.Mono;

/** The audit log. An entry with an event id is written at most once per event. */
public interface AuditLog {

  Mono<Void> record(AuditEntry entry);
}
