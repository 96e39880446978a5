package com.ticketbounty.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /ops} and {@code /ops/}: the console's one page. Its scripts and styles under {@code
 * /ops/**} are Boot's static resources ({@code classpath:/static/ops}); the pages inside the
 * console are hash routes, so the server serves this one document only.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {
  static final Resource INDEX = new ClassPathResource("static/ops/index.html");

  @Bean
  RouterFunction<ServerResponse> operationsConsolePage() {
    return RouterFunctions.route()
        .GET("/ops", request -> index())
        .GET("/ops/", request -> index())
        .build();
  }

  private static reactor.core.publisher.Mono<ServerResponse> index() {
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_HTML)
        .header("Cache-Control", "no-cache")
        .bodyValue(INDEX);
  }
}
