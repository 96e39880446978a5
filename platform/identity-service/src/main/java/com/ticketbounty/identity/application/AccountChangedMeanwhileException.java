package com.ticketbounty.identity.application;

/** Another request changed the account between our read and our write (409: try again). */
public final class AccountChangedMeanwhileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccountChangedMeanwhileException() {
    super("the account was changed by another request meanwhile");
  }
}
