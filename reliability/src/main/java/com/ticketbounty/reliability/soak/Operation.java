package com.ticketbounty.reliability.soak;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** What a frontend's user does, in the soak's fixed mix of 20 requests. */
public enum Operation {
  SIGN_UP("sign-up", 1),
  PASSWORD_CHANGE("password change, then sign-in", 1),
  TICKET("open a ticket (low or high)", 3),
  URGENT_TICKET("open an urgent ticket", 1),
  COMMENT("comment on a ticket", 4),
  LIST("list tickets", 4),
  TICKET_READ("read a ticket", 3),
  COMMENTS_READ("read a ticket's comments", 3);

  private final String description;
  private final int share;

  Operation(String description, int share) {
    this.description = description;
    this.share = share;
  }

  public String description() {
    return description;
  }

  /** Requests of this kind in every {@link #MIX}'s 20. */
  public int share() {
    return share;
  }

  /**
   * The mix, request {@code seq} doing {@code MIX.get(seq % MIX.size())}: the kinds interleaved
   * (not in runs) so that every second of load carries each of them.
   */
  static final List<Operation> MIX = interleaved();

  private static List<Operation> interleaved() {
    List<Operation> mix =
        Stream.of(values())
            .flatMap(operation -> Collections.nCopies(operation.share, operation).stream())
            .toList();
    // A fixed spread: position i takes the entry i * 7 mod 20 (7 and 20 are coprime).
    return Stream.iterate(0, i -> i + 1)
        .limit(mix.size())
        .map(i -> mix.get(i * 7 % mix.size()))
        .toList();
  }
}
