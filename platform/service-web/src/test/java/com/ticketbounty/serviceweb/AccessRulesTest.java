package com.ticketbounty.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.serviceweb.app.TestServiceApplication;
import com.ticketbounty.serviceweb.app.TestServiceBed;
import com.ticketbounty.serviceweb.security.JdbcEndedSessions;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who reaches what, decided by the handler's argument or the operations routes' filter with one
 * verifier: users, administrators, services, ended sessions — and no spelling of a path goes around
 * it.
 */
@SpringBootTest(
    classes = TestServiceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AccessRulesTest {
  private static final TestServiceBed BED =
      TestServiceBed.start("access_rules", "access-rules-test");
  private static final TestDatabase DATABASE = BED.database();
  private static final TestIdentity IDENTITY = BED.identity();

  @Autowired WebTestClient client;
  @Autowired JdbcEndedSessions endedSessions;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @AfterAll
  static void cleanUp() {
    BED.close();
  }

  @Test
  void anInternalEndpointServesServicesAndAdministratorsOnly() {
    expect(HttpMethod.GET, "/internal/things/1", IDENTITY.serviceBearer("comment-service"), 200);
    expect(HttpMethod.GET, "/internal/things/1", IDENTITY.admin("boss").bearer(), 200);
    expect(HttpMethod.GET, "/internal/things/1", IDENTITY.user("ada").bearer(), 403);
    expect(HttpMethod.GET, "/internal/things/1", null, 401);
  }

  @Test
  void anAdministratorsEndpointRefusesServicesAndUsers() {
    expect(HttpMethod.POST, "/internal/things/rebuild", IDENTITY.admin("boss").bearer(), 200);
    expect(HttpMethod.POST, "/internal/things/rebuild", IDENTITY.serviceBearer("gateway"), 403);
    expect(HttpMethod.POST, "/internal/things/rebuild", IDENTITY.user("ada").bearer(), 403);
    expect(HttpMethod.POST, "/internal/things/rebuild", null, 401);
  }

  @Test
  void aServiceTokenIsNoUser() {
    expect(HttpMethod.GET, "/mine", IDENTITY.serviceBearer("comment-service"), 403);
    expect(HttpMethod.GET, "/mine", IDENTITY.user("ada").bearer(), 200);
  }

  @Test
  void theOperationsApiAdmitsALiveAdministratorOnly() {
    TestUser admin = IDENTITY.admin("operator");
    expect(HttpMethod.GET, "/internal/runtime/dead-letters", admin.bearer(), 200);
    expect(HttpMethod.GET, "/internal/runtime/dead-letters", IDENTITY.user("ada").bearer(), 403);
    expect(HttpMethod.GET, "/internal/runtime/dead-letters", IDENTITY.serviceBearer("x"), 403);
    expect(HttpMethod.GET, "/internal/runtime/dead-letters", null, 401);

    endedSessions.end(admin.sessionId(), Instant.now().plusSeconds(900));
    expect(HttpMethod.GET, "/internal/runtime/dead-letters", admin.bearer(), 401);
  }

  @Test
  void noSpellingOfAnInternalPathGetsInWithoutTheRightToken() {
    List<String> paths =
        List.of(
            "/%69nternal/runtime/dead-letters",
            "/internal;/runtime/dead-letters",
            "/internal;a=b/runtime;c=d/dead-letters",
            "//internal/runtime/dead-letters",
            "/internal//runtime/dead-letters",
            "/internal/./runtime/dead-letters",
            "/public/../internal/runtime/dead-letters",
            "/public/%2e%2e/internal/runtime/dead-letters",
            "/Internal/Runtime/Dead-Letters",
            "/internal%2Fruntime%2Fdead-letters",
            "/internal/runtime/dead-letters/",
            "/%69nternal/things/1",
            "/internal;/things/1",
            "/internal/things;x=1/1",
            "/INTERNAL/things/1",
            "/actuator/../internal/things/1");
    for (String path : paths) {
      for (String bearer : new String[] {null, IDENTITY.user("eve").bearer()}) {
        int status = status(HttpMethod.GET, path, bearer);
        assertThat(status)
            .as("%s with %s", path, bearer == null ? "no token" : "a user's")
            .isIn(401, 403, 404);
      }
    }
  }

  @Test
  void anEndedSessionStaysRefusedUntilItsLastTokenIsPastTheClockSkew() {
    TestUser user = IDENTITY.user("late");
    // Its last token expired 30 s ago: within the verifier's skew, so the token itself still
    // passes.
    Instant lastTokenExpiry = Instant.now().minusSeconds(30);
    String lastToken = IDENTITY.bearerExpiringAt(user, lastTokenExpiry);
    JdbcClient.create(DATABASE.dataSource())
        .sql("INSERT INTO service_web.ended_sessions (session_id, keep_until) VALUES (?, ?)")
        .param(user.sessionId())
        .param(Timestamp.from(lastTokenExpiry))
        .update();

    endedSessions.prune();

    expect(HttpMethod.GET, "/mine", lastToken, 401);
  }

  private void expect(HttpMethod method, String path, String bearer, int status) {
    assertThat(status(method, path, bearer)).as("%s %s", method, path).isEqualTo(status);
  }

  private int status(HttpMethod method, String path, String bearer) {
    return client
        .method(method)
        // Absolute and as written: a URI template would encode the odd spellings once more.
        .uri(URI.create("http://127.0.0.1:" + port + path))
        .headers(
            headers -> {
              if (bearer != null) {
                headers.set("Authorization", bearer);
              }
            })
        .exchange()
        .returnResult(String.class)
        .getStatus()
        .value();
  }
}
