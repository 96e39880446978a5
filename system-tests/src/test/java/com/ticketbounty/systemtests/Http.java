package com.ticketbounty.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls, as the frontend makes them. */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String method;
  private final String url;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

  private Http(String method, String url) {
    this.method = method;
    this.url = url;
  }

  static Http request(String method, String url) {
    return new Http(method, url);
  }

  Http bearer(@Nullable String accessToken) {
    if (accessToken != null) {
      headers.put("Authorization", "Bearer " + accessToken);
    }
    return this;
  }

  Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Http json(String json) {
    headers.put("Content-Type", "application/json");
    body = HttpRequest.BodyPublishers.ofString(json);
    return this;
  }

  /** An {@code application/x-www-form-urlencoded} body. */
  Http form(Map<String, String> fields) {
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    body =
        HttpRequest.BodyPublishers.ofString(
            fields.entrySet().stream()
                .map(
                    field ->
                        URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    return this;
  }

  Http json(Object value) {
    return json(JSON.writeValueAsString(value));
  }

  Reply send() throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .method(method, body);
    headers.forEach(request::header);
    return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** An answer, with its body read as JSON on demand. */
  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    JsonNode json() {
      return JSON.readTree(response.body());
    }

    String text(String pointer) {
      return json().at(pointer).asString();
    }

    @Nullable String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return response.request().method()
          + " "
          + response.uri()
          + " → "
          + response.statusCode()
          + " "
          + response.body();
    }
  }

  static Reply postJson(String url, String body) throws IOException, InterruptedException {
    return request("POST", url).json(body).send();
  }

  static Reply get(String url) throws IOException, InterruptedException {
    return request("GET", url).send();
  }
}
