package com.ticketbounty.identity.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * An e-mail verification code: 8 letters A–Z. It is hashed together with the account's id, so one
 * table of precomputed hashes does not serve every account.
 */
public final class VerificationCode {
  public static final int LENGTH = 8;
  public static final String FIELD = "code";

  /**
   * Wrong tries after which no code of the account works, until {@link #TRIES_WINDOW} after the
   * first of them. 26^8 codes are far too many to guess in five tries; without a count, a signed-in
   * client could keep asking. The count is the account's, not the code's: asking for a new code
   * does not start it afresh.
   */
  public static final int WRONG_TRIES_ALLOWED = 5;

  /**
   * How long a count of tries lasts from its first try: the code lifetime, so an account is locked
   * out of verifying for at most that long, never for good.
   */
  public static final Duration TRIES_WINDOW = Lifetimes.VERIFICATION_CODE;

  private final String value;

  private VerificationCode(String value) {
    this.value = value;
  }

  public static VerificationCode generate(SecureRandom random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append((char) ('A' + random.nextInt(26)));
    }
    return new VerificationCode(code.toString());
  }

  /** The code to e-mail. */
  public String reveal() {
    return value;
  }

  public String hashFor(UUID userId) {
    return hashOf(userId, value);
  }

  /** The hash of a code as the user typed it; case does not matter to a person reading a mail. */
  public static String hashOf(UUID userId, String typed) {
    return Sha256.hex(userId + ":" + typed.strip().toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
