package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.SessionEndReason;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The caller signs out: their session ends, and every token of it stops working. */
public final class SignOut {
  private final Sessions sessions;
  private final SessionEnds sessionEnds;
  private final AuditLog audit;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SignOut(
      Sessions sessions,
      SessionEnds sessionEnds,
      AuditLog audit,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.sessions = sessions;
    this.sessionEnds = sessionEnds;
    this.audit = audit;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /** Ends {@code sessionId} if it is the caller's and still live; otherwise does nothing. */
  public Mono<Void> signOut(UUID userId, UUID sessionId, String clientAddress) {
    return unitOfWork.inTransaction(
        sessions
            .lockedById(sessionId)
            .filter(session -> session.userId().equals(userId) && !session.isEnded())
            .flatMap(
                session ->
                    sessionEnds
                        .end(session, SessionEndReason.SIGN_OUT)
                        .then(
                            audit.record(
                                AuditEntry.of(
                                    AuditAction.SIGNED_OUT,
                                    userId,
                                    clientAddress,
                                    "session " + sessionId,
                                    clock.instant())))));
  }
}
