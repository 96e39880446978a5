package com.ticketbounty.eventruntime.postgres;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The outbox's {@code headers} column: a flat JSON object of strings. */
public final class HeadersJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

  private HeadersJson() {}

  public static String write(Map<String, String> headers) {
    return MAPPER.writeValueAsString(headers);
  }

  public static Map<String, String> read(String json) {
    return MAPPER.readValue(json, TYPE);
  }
}
