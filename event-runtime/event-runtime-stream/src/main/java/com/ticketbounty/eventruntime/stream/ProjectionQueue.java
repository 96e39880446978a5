package com.ticketbounty.eventruntime.stream;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One projection bean's place in the broker, named as event-runtime names a subscription's: the
 * bean {@code accountsCreated} reading {@code app/account.created} is the subscription {@code
 * accounts-created}, whose quorum queue is {@code <prefix><service>.accounts-created}.
 *
 * @param beanName the projection bean; its binder binding is {@code <beanName>-in-0}
 * @param subscriptionId the bean name in lower-case words joined by dashes
 * @param eventName what the queue is bound to
 */
record ProjectionQueue(String beanName, String subscriptionId, String eventName) {
  private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  static ProjectionQueue of(String beanName, String eventName) {
    String id = WORD_START.matcher(beanName).replaceAll("-").toLowerCase(Locale.ROOT);
    return new ProjectionQueue(beanName, id, eventName);
  }

  String binding() {
    return beanName + "-in-0";
  }
}
