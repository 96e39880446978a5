package com.ticketbounty.reliability.soak;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An account the soak signed up, with the tokens it holds now. Tokens change when they are
 * refreshed or when a password change ends the account's sessions and it signs in again; requests
 * read whichever is current.
 */
final class Account {
  private final String email;
  private volatile String password;
  private volatile String accessToken;
  private volatile String refreshToken;
  private volatile long tokensAtNanos;
  private final AtomicBoolean busy = new AtomicBoolean();

  Account(String email, String password, String accessToken, String refreshToken) {
    this.email = email;
    this.password = password;
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.tokensAtNanos = System.nanoTime();
  }

  String email() {
    return email;
  }

  String password() {
    return password;
  }

  String accessToken() {
    return accessToken;
  }

  String refreshToken() {
    return refreshToken;
  }

  /** How long ago the current tokens were issued. */
  long tokenAgeNanos() {
    return System.nanoTime() - tokensAtNanos;
  }

  void tokens(String access, String refresh) {
    accessToken = access;
    refreshToken = refresh;
    tokensAtNanos = System.nanoTime();
  }

  void password(String changed) {
    password = changed;
  }

  /** Claims the account for a password change and the sign-in after it; false if one is going. */
  boolean claim() {
    return busy.compareAndSet(false, true);
  }

  void release() {
    busy.set(false);
  }
}
