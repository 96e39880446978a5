package com.ticketbounty.admindigest.adapter.out.http;

/**
 * Where the owners of the figures are reached.
 *
 * @param identity identity-service ({@code IDENTITY_SERVICE_URL}): accounts
 * @param tickets ticket-service ({@code TICKET_SERVICE_URL})
 * @param comments comment-service ({@code COMMENT_SERVICE_URL})
 */
public record OwnerUrls(String identity, String tickets, String comments) {
  public OwnerUrls {
    for (String url : new String[] {identity, tickets, comments}) {
      if (url.isBlank()) {
        throw new IllegalArgumentException("a service's base URL must not be blank");
      }
    }
  }
}
