package com.ticketbounty.comment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.domain.KnownTicket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class FindTicketTest {
  private static final UUID TICKET = UUID.randomUUID();
  private static final UUID OWNER = UUID.randomUUID();

  private final InMemoryKnownTickets knownTickets = new InMemoryKnownTickets();
  private final FakeTicketDirectory directory = new FakeTicketDirectory();
  private final FindTicket findTicket = new FindTicket(knownTickets, directory);

  @Test
  void answersFromTheReadModelWithoutAskingTicketService() {
    knownTickets.learn(KnownTicket.at(TICKET, OWNER, 1)).block();

    assertThat(findTicket.find(TICKET).block()).isEqualTo(KnownTicket.at(TICKET, OWNER, 1));
    assertThat(directory.lookUps()).isZero();
  }

  @Test
  void asksTicketServiceAboutATicketNotHeardOfYetAndRemembersItUnversioned() {
    directory.has(TICKET, OWNER);

    assertThat(findTicket.find(TICKET).block()).isEqualTo(KnownTicket.unversioned(TICKET, OWNER));
    assertThat(findTicket.find(TICKET).block()).isNotNull();

    assertThat(directory.lookUps()).isEqualTo(1);
    assertThat(knownTickets.known(TICKET)).contains(KnownTicket.unversioned(TICKET, OWNER));
  }

  @Test
  void aTicketNeitherKnowsIsNotFound() {
    StepVerifier.create(findTicket.find(TICKET))
        .expectError(TicketNotFoundException.class)
        .verify();
  }

  @Test
  void aDeletedTicketIsNotFoundWithoutAskingTicketService() {
    knownTickets.learn(KnownTicket.deleted(TICKET, OWNER, 3)).block();
    directory.has(TICKET, OWNER);

    StepVerifier.create(findTicket.find(TICKET))
        .expectError(TicketNotFoundException.class)
        .verify();
    assertThat(directory.lookUps()).isZero();
  }

  @Test
  void ticketServiceDownMakesTicketsUnavailableNotMissing() {
    directory.goDown();

    StepVerifier.create(findTicket.find(TICKET))
        .expectError(TicketsUnavailableException.class)
        .verify();
    assertThat(knownTickets.known(TICKET)).isEmpty();
  }
}
