package com.ticketbounty.gateway.ops;

import tools.jackson.databind.JsonNode;

/** What one service made of one call: an answer with a JSON body, or none. */
sealed interface Reply {

  /** The service this reply is from (its name in {@link OpsProperties#services()}). */
  String service();

  /** The service answered (any status below 500) with a JSON body. */
  record Answered(String service, int status, JsonNode body) implements Reply {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * The service did not answer in time, could not be reached, answered 5xx or something that is not
   * JSON.
   *
   * @param reason for the operator: what went wrong, never a body or a header
   */
  record Unavailable(String service, String reason) implements Reply {}
}
