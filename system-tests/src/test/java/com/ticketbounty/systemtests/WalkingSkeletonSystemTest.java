package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.ticketbounty.systemtests.Api.Account;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton through the README's run command: the gateway, identity-service,
 * ticket-service, the outbox relay, RabbitMQ, notification-service and an e-mail provider (WireMock
 * as "any HTTP server").
 */
@ExtendWith(SharedSystem.class)
class WalkingSkeletonSystemTest {

  @Test
  void aCreatedTicketSendsExactlyOneConfirmationEmail() throws Exception {
    Api api = SharedSystem.api();
    Account ada = api.signUp("ada");

    String id = api.openTicket(ada, "Printer on fire " + ada.username());

    assertThat(Http.get(SharedSystem.system().gateway() + "/api/tickets/" + id).body())
        .contains("Printer on fire");
    awaitEmailContaining("Printer on fire " + ada.username());
    // A later ticket's e-mail arriving shows the first had every chance to be sent twice.
    api.openTicket(ada, "Coffee machine leaks " + ada.username());
    awaitEmailContaining("Coffee machine leaks " + ada.username());
    SharedSystem.emailProvider()
        .verify(
            1,
            postRequestedFor(urlEqualTo("/emails"))
                .withHeader("Authorization", containing("Bearer re_test_key"))
                .withRequestBody(containing("Printer on fire " + ada.username()))
                .withRequestBody(containing(ada.email())));
  }

  private static void awaitEmailContaining(String text) {
    WireMockServer provider = SharedSystem.emailProvider();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !provider
                    .findAll(
                        postRequestedFor(urlEqualTo("/emails")).withRequestBody(containing(text)))
                    .isEmpty());
  }
}
