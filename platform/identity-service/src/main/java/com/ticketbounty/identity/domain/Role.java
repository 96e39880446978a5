package com.ticketbounty.identity.domain;

/** What an account may do: {@link #ADMIN} also runs operations. */
public enum Role {
  USER,
  ADMIN
}
