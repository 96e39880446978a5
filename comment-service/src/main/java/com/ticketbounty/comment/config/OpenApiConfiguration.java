package com.ticketbounty.comment.config;

import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI 3.1 document ({@code /v3/api-docs}), which the gateway merges with the
 * others'. The signed-in {@link Caller} comes from the access token, not from the request's
 * parameters, so the document leaves it out.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI commentServiceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("TicketBounty comments")
                .description("Comments on tickets (comment-service)")
                .version("1"));
  }
}
