package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.RepublishAccounts;
import com.ticketbounty.serviceweb.security.AdminCaller;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/identity/accounts/republish}: an operator rebuilds the services' accounts
 * read models from identity. Internal (the gateway never routes {@code /internal/**}) and for an
 * ADMIN only, which its {@link AdminCaller} argument decides.
 */
@RestController
class AccountsRepublishController {
  private final RepublishAccounts republishAccounts;

  AccountsRepublishController(RepublishAccounts republishAccounts) {
    this.republishAccounts = republishAccounts;
  }

  @PostMapping("/internal/identity/accounts/republish")
  Mono<Republished> republish(AdminCaller admin, ServerHttpRequest request) {
    return republishAccounts
        .republish(admin.caller().userId(), ClientAddress.of(request))
        .map(Republished::new);
  }

  /** How many accounts went out as {@code app/account.profile-updated}. */
  record Republished(long republished) {}
}
