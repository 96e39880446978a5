package com.ticketbounty.gateway.console;

import com.ticketbounty.gateway.ops.AdminOnly;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/ops/settings}: what the console needs to know about this deployment, today the
 * trace UI template ({@code {traceUrl}}, null when none is configured). Behind the operations API's
 * ADMIN gate ({@link AdminOnly}) like every other call under {@code /api/ops}; asked before the
 * operations routes, whose last route answers every other {@code /api/ops} path 404.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSettings {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RouterFunction<ServerResponse> operationsConsoleSettings(OperationsConsoleProperties properties) {
    return RouterFunctions.route()
        .GET(
            "/api/ops/settings",
            request -> {
              // Map.of refuses a null value, and null is the answer without a trace UI.
              Map<String, Object> settings = new HashMap<>();
              settings.put("traceUrl", properties.traceUrlOrNull());
              return ServerResponse.ok()
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(settings);
            })
        .filter(new AdminOnly())
        .build();
  }
}
