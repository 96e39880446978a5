package com.ticketbounty.notification.domain;

import java.net.URI;
import java.util.UUID;

/**
 * Links into the frontend for e-mails, built from its base URL ({@code APP_BASE_URL}).
 *
 * @param baseUrl an absolute http(s) URL; a trailing slash is dropped so links never hold {@code
 *     //}
 */
public record AppLinks(String baseUrl) {
  public AppLinks {
    baseUrl = baseUrl.strip().replaceAll("/+$", "");
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("app base URL is not a URL: '" + baseUrl + "'", e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "app base URL must be an absolute http(s) URL: " + baseUrl);
    }
  }

  /** The frontend's start page: {@code <base>/}. */
  public String home() {
    return baseUrl + "/";
  }

  /** The page of one ticket: {@code <base>/tickets/<id>}. */
  public String ticket(UUID ticketId) {
    return baseUrl + "/tickets/" + ticketId;
  }

  /**
   * Where a user chooses how to be notified ({@code <base>/settings/notifications}): every e-mail
   * that is not a security e-mail links there and names it in {@code List-Unsubscribe}.
   */
  public String notificationSettings() {
    return baseUrl + "/settings/notifications";
  }
}
