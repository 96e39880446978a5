package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.ticketbounty.testsupport.TcpProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The frontend's spreading over gateways, against real HTTP servers and a closed port. */
class FrontendTest {
  private final AtomicInteger firstCalls = new AtomicInteger();
  private final AtomicInteger secondCalls = new AtomicInteger();
  private final HttpServer first = server(firstCalls);
  private final HttpServer second = server(secondCalls);

  @AfterEach
  void stop() {
    first.stop(0);
    second.stop(0);
  }

  @Test
  void spreadsCallsOverTheGatewaysInTurn() {
    Frontend frontend = new Frontend(List.of(url(first), url(second)));

    for (int i = 0; i < 4; i++) {
      assertThat(frontend.get("/api/tickets", "").join().status()).isEqualTo(200);
    }

    assertThat(firstCalls).hasValue(2);
    assertThat(secondCalls).hasValue(2);
  }

  @Test
  void takesACallAGatewayRefusesToTheNextOne() {
    String gone = "http://127.0.0.1:" + TcpProxy.freePort();
    Frontend frontend = new Frontend(List.of(gone, url(second)));

    for (int i = 0; i < 4; i++) {
      assertThat(frontend.get("/api/tickets", "").join().status()).isEqualTo(200);
    }

    assertThat(secondCalls).hasValue(4);
  }

  @Test
  void answersNoneWhenNoGatewayIsThere() {
    Frontend frontend =
        new Frontend(
            List.of(
                "http://127.0.0.1:" + TcpProxy.freePort(),
                "http://127.0.0.1:" + TcpProxy.freePort()));

    assertThat(frontend.get("/api/tickets", "").join().status()).isZero();
  }

  private static HttpServer server(AtomicInteger calls) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
      server.createContext(
          "/",
          exchange -> {
            calls.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
