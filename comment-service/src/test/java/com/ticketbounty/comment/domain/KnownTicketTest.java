package com.ticketbounty.comment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnownTicketTest {
  private static final UUID TICKET = UUID.randomUUID();
  private static final UUID OWNER = UUID.randomUUID();

  @Test
  void aNewerVersionReplacesWhatIsKnown() {
    KnownTicket v2 = KnownTicket.at(TICKET, OWNER, 2);

    assertThat(KnownTicket.at(TICKET, OWNER, 1).after(v2)).isEqualTo(v2);
  }

  @Test
  void anOlderOrRepeatedVersionIsStale() {
    KnownTicket v3 = KnownTicket.at(TICKET, OWNER, 3);

    assertThat(v3.after(KnownTicket.at(TICKET, OWNER, 2))).isEqualTo(v3);
    assertThat(v3.after(KnownTicket.at(TICKET, OWNER, 3))).isEqualTo(v3);
  }

  @Test
  void anyEventOverridesWhatTicketServiceToldDirectly() {
    KnownTicket created = KnownTicket.at(TICKET, OWNER, 1);

    assertThat(KnownTicket.unversioned(TICKET, OWNER).after(created)).isEqualTo(created);
  }

  @Test
  void aDeletionWinsEvenWithAnOlderVersion() {
    KnownTicket after =
        KnownTicket.at(TICKET, OWNER, 5).after(KnownTicket.deleted(TICKET, OWNER, 4));

    assertThat(after.isLive()).isFalse();
    assertThat(after.version()).isEqualTo(5);
  }

  @Test
  void aDeletedTicketStaysDeletedWhateverArrivesLater() {
    KnownTicket deleted = KnownTicket.deleted(TICKET, OWNER, 2);

    assertThat(deleted.after(KnownTicket.at(TICKET, OWNER, 9))).isEqualTo(deleted);
  }

  @Test
  void refusesNewsOfAnotherTicket() {
    assertThatThrownBy(
            () ->
                KnownTicket.at(TICKET, OWNER, 1).after(KnownTicket.at(UUID.randomUUID(), OWNER, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
