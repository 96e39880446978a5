package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/tickets} on PostgreSQL: search, status filter, every sort key both ways, paging,
 * scope, and 400 for every query value API.md does not offer. Each test works on tickets of its own
 * (a fresh owner with {@code scope=mine}, or a search word no other ticket holds).
 */
class TicketSearchTest extends TicketServiceTest {

  private static String word() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private JsonNode list(TestUser user, String query) {
    return json(send(HttpMethod.GET, "/api/tickets?" + query, user, null).expectStatus().isOk());
  }

  /** {@code search} as a URI variable, so that it travels encoded, {@code %} as {@code %25}. */
  private JsonNode searchMine(TestUser user, String search) {
    return json(
        client
            .get()
            .uri("/api/tickets?scope=mine&search={search}", search)
            .header(HttpHeaders.AUTHORIZATION, user.bearer())
            .exchange()
            .expectStatus()
            .isOk());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("list").forEach(ticket -> ids.add(ticket.get("id").asString()));
    return ids;
  }

  private String openWith(TestUser owner, String title, String deadline, long bounty) {
    String body =
        ticketJson(title).replace("2026-12-24", deadline).replace("5000", String.valueOf(bounty));
    return json(send(HttpMethod.POST, "/api/tickets", owner, body).expectStatus().isCreated())
        .get("id")
        .asString();
  }

  @Test
  void searchesTitleContentAndOwnerNameIgnoringCase() {
    String word = word();
    TestUser owner = user("Searcher");
    String inTitle = open(owner, "About " + word.toUpperCase()).get("id").asString();
    String inContent =
        json(send(
                    HttpMethod.POST,
                    "/api/tickets",
                    user("other"),
                    ticketJson("Plain").replace("Safari.", "Safari " + word + "."))
                .expectStatus()
                .isCreated())
            .get("id")
            .asString();

    JsonNode byWord = list(null, "search=" + word.substring(2, 9).toUpperCase());
    JsonNode byOwnerName = list(null, "search=" + owner.username().toLowerCase() + "&size=100");

    assertThat(ids(byWord)).containsExactlyInAnyOrder(inTitle, inContent);
    assertThat(byWord.at("/metadata/count").asLong()).isEqualTo(2);
    assertThat(ids(byOwnerName)).containsExactly(inTitle);
  }

  @Test
  void findsAnOwnerByTheNameTheAccountEventsTellAndShowsIt() {
    TestUser owner = user("renamed");
    String id = open(owner, "Rename " + word()).get("id").asString();
    String newName = word();

    publish(
        owner.id().toString(),
        new AccountProfileUpdated(
            owner.id(), newName, "immediate", 2, Instant.now(), null, null, null));
    await().atMost(PATIENCE).until(() -> newName.equals(usernameOf(owner.id())));

    JsonNode found = list(null, "search=" + newName);
    assertThat(ids(found)).containsExactly(id);
    assertThat(found.at("/list/0/owner/username").asString()).isEqualTo(newName);
    assertThat(ids(list(null, "search=" + owner.username()))).isEmpty();
  }

  @Test
  void matchesPercentUnderscoreAndBackslashAsThemselves() {
    String word = word();
    TestUser owner = user("escaper");
    String percent = open(owner, word + " 50% off").get("id").asString();
    open(owner, word + " 50 x off");
    String underscore = open(owner, word + " a_b").get("id").asString();
    open(owner, word + " axb");
    String backslash = open(owner, word + " c\\\\d").get("id").asString();
    open(owner, word + " cd");

    assertThat(ids(searchMine(owner, "50%"))).containsExactly(percent);
    assertThat(ids(searchMine(owner, "a_b"))).containsExactly(underscore);
    assertThat(ids(searchMine(owner, "c\\d"))).containsExactly(backslash);
  }

  @Test
  void filtersByStatus() {
    TestUser owner = user("status");
    String open = open(owner, "Open").get("id").asString();
    String done = open(owner, "Done").get("id").asString();
    send(HttpMethod.PUT, "/api/tickets/" + done + "/status", owner, "{\"status\":\"DONE\"}")
        .expectStatus()
        .isOk();

    assertThat(ids(list(owner, "scope=mine&status=DONE"))).containsExactly(done);
    assertThat(ids(list(owner, "scope=mine&status=OPEN"))).containsExactly(open);
    assertThat(ids(list(owner, "scope=mine&status=IN_PROGRESS"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"createdAt", "bounty", "deadline", "title"})
  void sortsByEachKeyBothWaysWithTiesBrokenById(String sortKey) {
    TestUser owner = user("sorter");
    // Opened in this order; each key orders them differently, and two share every key but one.
    List<String> opened =
        List.of(
            openWith(owner, "b", "2027-03-01", 900),
            openWith(owner, "c", "2027-01-01", 700),
            openWith(owner, "a", "2027-02-01", 800),
            openWith(owner, "a", "2027-02-01", 800));
    List<String> ascending =
        switch (sortKey) {
          case "createdAt" -> opened;
          case "bounty" ->
              List.of(opened.get(1), lower(opened, 2, 3), higher(opened, 2, 3), opened.get(0));
          case "deadline" ->
              List.of(opened.get(1), lower(opened, 2, 3), higher(opened, 2, 3), opened.get(0));
          default ->
              List.of(lower(opened, 2, 3), higher(opened, 2, 3), opened.get(0), opened.get(1));
        };

    List<String> asc = ids(list(owner, "scope=mine&sortKey=" + sortKey + "&sortValue=asc"));
    List<String> desc = ids(list(owner, "scope=mine&sortKey=" + sortKey + "&sortValue=desc"));

    assertThat(asc).isEqualTo(ascending);
    assertThat(desc).isEqualTo(reversed(ascending));
  }

  private static List<String> reversed(List<String> ids) {
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return reversed;
  }

  private static String lower(List<String> ids, int a, int b) {
    return ids.get(a).compareTo(ids.get(b)) < 0 ? ids.get(a) : ids.get(b);
  }

  private static String higher(List<String> ids, int a, int b) {
    return ids.get(a).compareTo(ids.get(b)) < 0 ? ids.get(b) : ids.get(a);
  }

  @Test
  void listsNewestFirstByDefault() {
    TestUser owner = user("default");
    String first = open(owner, "First").get("id").asString();
    String second = open(owner, "Second").get("id").asString();

    assertThat(ids(list(owner, "scope=mine"))).containsExactly(second, first);
  }

  @Test
  void pagesThroughEveryMatchOnceAndSaysWhetherMoreFollow() {
    TestUser owner = user("pager");
    List<String> opened =
        IntStream.range(0, 12)
            .mapToObj(i -> open(owner, "Page " + i).get("id").asString())
            .toList();

    JsonNode first = list(owner, "scope=mine&size=10");
    JsonNode second = list(owner, "scope=mine&size=10&page=1");
    JsonNode beyond = list(owner, "scope=mine&size=10&page=2");

    assertThat(ids(first)).hasSize(10);
    assertThat(first.at("/metadata/hasNextPage").asBoolean()).isTrue();
    assertThat(ids(second)).hasSize(2);
    assertThat(second.at("/metadata/hasNextPage").asBoolean()).isFalse();
    assertThat(ids(beyond)).isEmpty();
    List<JsonNode> pages = List.of(first, second, beyond);
    pages.forEach(page -> assertThat(page.at("/metadata/count").asLong()).isEqualTo(12));
    List<String> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(opened);
    assertThat(all).isEqualTo(reversed(opened));
  }

  @Test
  void listsOnlyTheCallersTicketsForScopeMineAndEveryonesOtherwise() {
    String word = word();
    TestUser ada = user("ada");
    TestUser bob = user("bob");
    String adas = open(ada, word + " Ada's").get("id").asString();
    String bobs = open(bob, word + " Bob's").get("id").asString();

    assertThat(ids(list(ada, "scope=mine&search=" + word))).containsExactly(adas);
    assertThat(ids(list(bob, "scope=all&search=" + word))).containsExactlyInAnyOrder(adas, bobs);
    assertThat(ids(list(null, "search=" + word))).containsExactlyInAnyOrder(adas, bobs);
    JsonNode problem =
        expectProblem(send(HttpMethod.GET, "/api/tickets?scope=mine", null, null), 401);
    assertThat(problem.get("detail").asString()).contains("Sign in");
  }

  @Test
  void showsEachListedTicketAsTheTicketItself() {
    TestUser owner = user("shape");
    JsonNode ticket = open(owner, "Shape " + word());

    JsonNode page = list(owner, "scope=mine");

    assertThat(page.propertyNames()).containsExactly("list", "metadata");
    assertThat(page.get("list").get(0)).isEqualTo(ticket);
    assertThat(page.get("metadata").propertyNames()).containsExactly("count", "hasNextPage");
  }

  @ParameterizedTest
  @CsvSource({
    "status=open,status",
    "status=CLOSED,status",
    "status=OPEN&status=DONE,status",
    "sortKey=priority,sortKey",
    "sortKey=created_at,sortKey",
    "sortValue=up,sortValue",
    "sortValue=ASC,sortValue",
    "page=-1,page",
    "page=abc,page",
    "page=1.5,page",
    "page=99999999999,page",
    "size=15,size",
    "size=0,size",
    "size=1000,size",
    "scope=yours,scope"
  })
  void answersABadQueryValueWith400NamingTheParameter(String query, String parameter) {
    JsonNode problem =
        expectProblem(send(HttpMethod.GET, "/api/tickets?" + query, null, null), 400);

    assertThat(fieldsOf(problem)).containsExactly(parameter);
    assertThat(problem.get("detail").asString()).startsWith("'" + parameter + "' must be");
  }

  @Test
  void namesEveryBadParameterAndATooLongSearch() {
    JsonNode problem =
        expectProblem(
            send(
                HttpMethod.GET,
                "/api/tickets?size=7&sortValue=sideways&search=" + "s".repeat(201),
                null,
                null),
            400);

    assertThat(fieldsOf(problem))
        .containsExactlyInAnyOrder("search", "sortValue", "size")
        .isSortedAccordingTo(Comparator.comparing(List.of("search", "sortValue", "size")::indexOf));
  }
}
