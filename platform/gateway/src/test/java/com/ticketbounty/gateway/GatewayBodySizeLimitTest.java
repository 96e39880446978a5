package com.ticketbounty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * 64 KiB is the largest body the gateway routes. The chunked cases speak raw HTTP/1.1 over a
 * socket, so that the body is certainly sent without a Content-Length.
 */
@GatewayTest
class GatewayBodySizeLimitTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_body_limit");
  private static final int LIMIT = 64 * 1024;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @Autowired WebTestClient client;
  @LocalServerPort int port;

  @BeforeEach
  void answerEverythingDownstream() {
    BED.resetServices();
  }

  @Test
  void routesABodyOfExactly64KiB() {
    byte[] body = body(LIMIT);

    client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(BED.ticketService.getAllServeEvents().get(0).getRequest().getBody()).isEqualTo(body);
  }

  @Test
  void refusesADeclaredBodyOfOneByteMoreWithoutRoutingIt() {
    client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body(LIMIT + 1))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(413)
        .jsonPath("$.detail")
        .isNotEmpty();

    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  @Test
  void routesAChunkedBodyOfExactly64KiBWithItsLength() throws IOException {
    byte[] body = body(LIMIT);

    String response = postChunked(body);

    assertThat(response).startsWith("HTTP/1.1 200");
    LoggedRequest received = BED.ticketService.getAllServeEvents().get(0).getRequest();
    assertThat(received.getBody()).isEqualTo(body);
    assertThat(received.getHeader("Content-Length")).isEqualTo(Integer.toString(LIMIT));
  }

  @Test
  void refusesAChunkedBodyThatGrowsPastTheLimitWithoutRoutingIt() throws IOException {
    String response = postChunked(body(LIMIT + 1));

    assertThat(response)
        .startsWith("HTTP/1.1 413")
        .containsIgnoringCase("content-type: application/problem+json")
        .contains("\"status\":413");
    assertThat(BED.requestsReachingServices()).isEmpty();
  }

  private static byte[] body(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    body[0] = '"';
    body[size - 1] = '"';
    return body;
  }

  /** Sends the body in 16 KiB chunks and returns the whole answer. */
  private String postChunked(byte[] body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int offset = 0; offset < body.length; offset += 16 * 1024) {
        int length = Math.min(16 * 1024, body.length - offset);
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return readAll(socket.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    in.transferTo(answer);
    return answer.toString(StandardCharsets.UTF_8);
  }
}
