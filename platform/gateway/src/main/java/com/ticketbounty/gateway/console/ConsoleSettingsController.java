package com.ticketbounty.gateway.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ops/settings}: what the console needs to know about this deployment, today the
 * trace UI template ({@code {traceUrl}}, null when none is configured). It lives under {@code
 * /api/ops/**}, so the ADMIN gate of the operations API guards it like every operations call.
 */
@Hidden
@RestController
class ConsoleSettingsController {
  private final OperationsConsoleProperties properties;

  ConsoleSettingsController(OperationsConsoleProperties properties) {
    this.properties = properties;
  }

  @GetMapping(path = "/api/ops/settings", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> settings() {
    // Map.of refuses a null value, and null is the answer when no trace UI is configured.
    Map<String, Object> settings = new HashMap<>();
    settings.put("traceUrl", properties.traceUrlOrNull());
    return settings;
  }
}
