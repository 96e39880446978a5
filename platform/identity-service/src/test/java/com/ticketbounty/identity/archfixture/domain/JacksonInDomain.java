package com.ticketbounty.identity.archfixture.domain;

import tools.jackson.databind.json.JsonMapper;

/** Breaks "domain uses no framework": Jackson 3. */
public class JacksonInDomain {
  String json(Object value) {
    return JsonMapper.shared().writeValueAsString(value);
  }
}
