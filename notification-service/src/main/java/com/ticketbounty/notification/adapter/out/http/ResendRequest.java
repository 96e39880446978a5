package com.ticketbounty.notification.adapter.out.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.ticketbounty.notification.domain.Email;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code POST /emails}: {@code {from, to[], subject, html, text, headers?}}.
 * Resend's {@code headers} object carries the e-mail's own extra headers (List-Unsubscribe); it is
 * left out when there are none.
 */
record ResendRequest(
    String from,
    List<String> to,
    String subject,
    String html,
    String text,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers) {
  static ResendRequest of(Email email) {
    return new ResendRequest(
        email.from(), email.to(), email.subject(), email.html(), email.text(), email.headers());
  }
}
