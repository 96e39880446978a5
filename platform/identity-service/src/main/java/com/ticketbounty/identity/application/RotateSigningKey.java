package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * An administrator rotates the signing key: new tokens are signed with a new key, and tokens signed
 * with the previous one keep verifying until they expire.
 */
public final class RotateSigningKey {
  private final SigningKeys keys;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public RotateSigningKey(SigningKeys keys, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.keys = keys;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /**
   * @return the new key's id
   */
  public Mono<String> rotate(UUID adminId, String clientAddress) {
    return unitOfWork.inTransaction(
        keys.rotate()
            .flatMap(
                kid ->
                    audit
                        .record(
                            AuditEntry.of(
                                AuditAction.SIGNING_KEY_ROTATED,
                                adminId,
                                clientAddress,
                                "kid " + kid,
                                clock.instant()))
                        .thenReturn(kid)));
  }
}
