package com.ticketbounty.notification.adapter.out.email;

import com.ticketbounty.notification.domain.Email;
import java.util.List;

/** The JSON body of {@code POST /emails}: {@code {from, to[], subject, html, text}}. */
record ResendRequest(String from, List<String> to, String subject, String html, String text) {
  static ResendRequest of(Email email) {
    return new ResendRequest(email.from(), email.to(), email.subject(), email.html(), email.text());
  }
}
