package com.ticketbounty.gateway;

import com.ticketbounty.serviceweb.security.BearerTokenFilter;
import com.ticketbounty.serviceweb.security.ForwardedHeaders;
import org.springframework.core.Ordered;

/**
 * The order in which the gateway's own web filters see a request, before any route is looked at.
 * Cheap refusals come first, and nothing that could answer 401 runs before CORS has answered a
 * preflight (a browser sends no token with one).
 */
public final class EdgeFilterOrder {
  /**
   * Before everything: it only registers the security headers that every answer gets when it is
   * committed, so even a request the next filter refuses at once carries them.
   */
  public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE;

  /** {@code /internal/**} and dot segments: 404 whatever else the request is. */
  public static final int INTERNAL_PATH_GUARD = Ordered.HIGHEST_PRECEDENCE + 5;

  /** Answers preflights itself; refuses origins it does not allow. */
  public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 10;

  /** Sign-in and forgot-password attempts per client address. */
  public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;

  /** 413 before any body reaches a service. */
  public static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 30;

  /**
   * service-web's: a client's forwarded headers and any {@code X-Gateway-Token} it sent are dropped
   * (no client carries the gateway's own token), before the routes set the gateway's.
   */
  public static final int FORWARDED_HEADERS = ForwardedHeaders.ORDER;

  /** service-web's access-token check comes last of all: 401 for a bad or ended token. */
  public static final int ACCESS_TOKEN = BearerTokenFilter.ORDER;

  private EdgeFilterOrder() {}
}
