package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.systemtests.Api.Account;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Every row of API.md's "Tickets" table, through the gateway of the run command. */
@ExtendWith(SharedSystem.class)
class TicketApiSystemTest {
  private static Api api;
  private static Account owner;
  private static Account other;

  @BeforeAll
  static void accounts() throws Exception {
    api = SharedSystem.api();
    owner = api.signUp("owner");
    other = api.signUp("other");
  }

  @Test
  void opensATicketOwnedByTheCaller() throws Exception {
    Http.Reply created =
        api.call("POST", "/api/tickets")
            .bearer(owner.accessToken())
            .json(Api.ticket("Printer on fire"))
            .send();

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode ticket = created.json();
    assertThat(ticket.path("title").asString()).isEqualTo("Printer on fire");
    assertThat(ticket.path("status").asString()).isEqualTo("OPEN");
    assertThat(ticket.path("bounty").asLong()).isEqualTo(1500);
    assertThat(ticket.path("deadline").asString()).isEqualTo("2030-01-31");
    assertThat(ticket.path("priority").asString()).isEqualTo("high");
    assertThat(ticket.at("/owner/id").asString()).isEqualTo(owner.id());
    assertThat(ticket.at("/owner/username").asString()).isEqualTo(owner.username());
    assertThat(ticket.path("assignee").isNull()).isTrue();
    assertThat(ticket.path("createdAt").asString()).isNotBlank();
    assertThat(created.header("Location"))
        .isEqualTo("/api/tickets/" + ticket.path("id").asString());
  }

  @Test
  void aRepeatedIdempotencyKeyCreatesOneTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    String title = "Idempotent " + key;
    Http.Reply first =
        api.call("POST", "/api/tickets")
            .bearer(owner.accessToken())
            .header("Idempotency-Key", key)
            .json(Api.ticket(title))
            .send();
    Http.Reply again =
        api.call("POST", "/api/tickets")
            .bearer(owner.accessToken())
            .header("Idempotency-Key", key)
            .json(Api.ticket(title))
            .send();

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.text("/id")).isEqualTo(first.text("/id"));
    assertThat(search("search=" + title.replace(" ", "%20")).at("/metadata/count").asInt())
        .isEqualTo(1);
  }

  @Test
  void readsOneTicketAndAnswers404ForAnUnknownOne() throws Exception {
    String id = api.openTicket(owner, "Readable");

    Http.Reply read = api.call("GET", "/api/tickets/" + id).send();
    Http.Reply unknown = api.call("GET", "/api/tickets/" + UUID.randomUUID()).send();

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("/title")).isEqualTo("Readable");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void searchesTitleContentAndOwnerCaseInsensitivelyWithFiltersSortAndPages() throws Exception {
    Account searcher = api.signUp("zebra");
    String marker = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> ticket = new HashMap<>(Api.ticket("Needle " + marker + " " + i));
      ticket.put("bounty", 1000 + i);
      api.call("POST", "/api/tickets").bearer(searcher.accessToken()).json(ticket).send();
    }

    JsonNode byTitle =
        search("search=NEEDLE%20" + marker.toUpperCase() + "&sortKey=bounty&sortValue=asc&size=10");
    JsonNode byOwner = search("search=" + searcher.username().toUpperCase() + "&size=10");
    JsonNode firstPage =
        search("search=" + marker + "&size=10&page=0&sortKey=title&sortValue=desc");
    JsonNode mine =
        api.call("GET", "/api/tickets?scope=mine&size=100")
            .bearer(searcher.accessToken())
            .send()
            .json();
    JsonNode done = search("search=" + marker + "&status=DONE");

    assertThat(byTitle.at("/metadata/count").asInt()).isEqualTo(3);
    assertThat(byTitle.at("/list").findValuesAsString("title"))
        .containsExactly(
            "Needle " + marker + " 0", "Needle " + marker + " 1", "Needle " + marker + " 2");
    assertThat(byOwner.at("/metadata/count").asInt()).isEqualTo(3);
    assertThat(firstPage.at("/list/0/title").asString()).isEqualTo("Needle " + marker + " 2");
    assertThat(firstPage.at("/metadata/hasNextPage").asBoolean()).isFalse();
    assertThat(mine.at("/metadata/count").asInt()).isEqualTo(3);
    assertThat(done.at("/metadata/count").asInt()).isZero();
  }

  @Test
  void pagesThroughResults() throws Exception {
    String marker = "page" + Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < 12; i++) {
      api.openTicket(owner, marker + " " + i);
    }

    JsonNode first = search("search=" + marker + "&size=10&page=0");
    JsonNode second = search("search=" + marker + "&size=10&page=1");

    assertThat(first.at("/list").size()).isEqualTo(10);
    assertThat(first.at("/metadata/hasNextPage").asBoolean()).isTrue();
    assertThat(second.at("/list").size()).isEqualTo(2);
    assertThat(second.at("/metadata/hasNextPage").asBoolean()).isFalse();
    assertThat(second.at("/metadata/count").asInt()).isEqualTo(12);
  }

  @Test
  void theOwnerEditsReStatesAssignsAndDeletes() throws Exception {
    String id = api.openTicket(owner, "Lifecycle");

    Http.Reply patched =
        api.call("PATCH", "/api/tickets/" + id)
            .bearer(owner.accessToken())
            .json(Map.of("title", "Lifecycle, edited", "bounty", 2500))
            .send();
    Http.Reply status =
        api.call("PUT", "/api/tickets/" + id + "/status")
            .bearer(owner.accessToken())
            .json(Map.of("status", "IN_PROGRESS"))
            .send();
    Http.Reply assigned =
        api.call("PUT", "/api/tickets/" + id + "/assignee")
            .bearer(owner.accessToken())
            .json(Map.of("userId", other.id()))
            .send();
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("userId", null);
    Http.Reply unassigned =
        api.call("PUT", "/api/tickets/" + id + "/assignee")
            .bearer(owner.accessToken())
            .json(nobody)
            .send();
    Http.Reply deleted =
        api.call("DELETE", "/api/tickets/" + id).bearer(owner.accessToken()).send();

    assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    assertThat(patched.text("/title")).isEqualTo("Lifecycle, edited");
    assertThat(patched.json().path("bounty").asLong()).isEqualTo(2500);
    assertThat(status.status()).as("%s", status).isEqualTo(200);
    assertThat(status.text("/status")).isEqualTo("IN_PROGRESS");
    assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
    assertThat(assigned.text("/assignee/id")).isEqualTo(other.id());
    assertThat(assigned.text("/assignee/username")).isEqualTo(other.username());
    assertThat(unassigned.json().path("assignee").isNull()).isTrue();
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    assertThat(api.call("GET", "/api/tickets/" + id).send().status()).isEqualTo(404);
  }

  @Test
  void namesEachBrokenRule() throws Exception {
    Map<String, Object> broken = new HashMap<>();
    broken.put("title", "");
    broken.put("content", "x".repeat(1025));
    broken.put("deadline", "2030-02-30");
    broken.put("bounty", 499);
    broken.put("priority", "high");

    Http.Reply reply =
        api.call("POST", "/api/tickets").bearer(owner.accessToken()).json(broken).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(422);
    assertThat(reply.json().findValuesAsString("field"))
        .containsExactlyInAnyOrder("title", "content", "deadline", "bounty");
  }

  @Test
  void anUnknownEnumValueOrAMalformedQueryIsABadRequest() throws Exception {
    Map<String, Object> ticket = new HashMap<>(Api.ticket("Bad priority"));
    ticket.put("priority", "whenever");

    List<Http.Reply> replies =
        List.of(
            api.call("POST", "/api/tickets").bearer(owner.accessToken()).json(ticket).send(),
            api.call("GET", "/api/tickets?size=7").send(),
            api.call("GET", "/api/tickets?sortKey=owner").send(),
            api.call("GET", "/api/tickets?page=-1").send(),
            api.call("GET", "/api/tickets?status=LATER").send(),
            api.call("GET", "/api/tickets/not-a-uuid").send());

    assertThat(replies)
        .allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(400));
  }

  private static JsonNode search(String query) throws Exception {
    Http.Reply reply = api.call("GET", "/api/tickets?" + query).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }
}
