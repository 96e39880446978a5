package com.ticketbounty.admindigest.domain;

/** What the digest counts, each at the service that owns it. */
public enum Counted {
  /** Tickets that exist (not deleted), at ticket-service. */
  TICKETS,
  /** Accounts, at identity-service. */
  USERS,
  /** Comments that exist, at comment-service. */
  COMMENTS
}
