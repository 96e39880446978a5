package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * API.md: posting tickets is limited per account; application.yml allows 10 a minute. This class
 * runs the service as configured — its own context, without the raised limit of the other ticket
 * tests (some open more than ten tickets as one owner).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TicketLimitsTest extends TicketServiceTest {

  @Test
  void refusesTheEleventhTicketOfAnAccountWithinAMinute() {
    TestUser ada = user("prolific");
    for (int ticket = 1; ticket <= 10; ticket++) {
      open(ada, "Ticket " + ticket);
    }

    WebTestClient.ResponseSpec eleventh =
        send(HttpMethod.POST, "/api/tickets", ada, ticketJson("One too many"));

    String retryAfter =
        eleventh.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    expectProblem(eleventh, 429);
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
    assertThat(ticketsOf(ada)).isEqualTo(10);
    open(user("other"), "Someone else's first");
  }

  private long ticketsOf(TestUser owner) {
    return jdbc.sql("SELECT count(*) FROM tickets WHERE owner_id = ?")
        .param(owner.id())
        .query(Long.class)
        .single();
  }
}
