package com.ticketbounty.notification.adapter.out.http;

import java.time.Duration;

/**
 * Where and how to reach a Resend-compatible e-mail API.
 *
 * @param baseUrl the API's base URL ({@code EMAIL_BASE_URL}); e-mails go to {@code <base>/emails}
 * @param apiKey the bearer token ({@code EMAIL_API_KEY}); when blank no {@code Authorization}
 *     header is sent, for local providers that need none
 * @param timeout how long one call may take, connecting included, before it counts as failed
 */
public record ResendSettings(String baseUrl, String apiKey, Duration timeout) {
  public ResendSettings {
    if (baseUrl.isBlank()) {
      throw new IllegalArgumentException("the e-mail provider's base URL must not be blank");
    }
  }
}
