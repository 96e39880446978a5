package com.ticketbounty.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.security-headers.*}.
 *
 * @param strictTransportSecurity the {@code Strict-Transport-Security} value; empty (the default)
 *     sends none, the {@code prod} profile sets a year with subdomains (application-prod.yml). A
 *     development gateway on plain {@code http://localhost} must not pin HTTPS for the browser.
 */
@ConfigurationProperties("gateway.security-headers")
public record SecurityHeadersProperties(@DefaultValue("") String strictTransportSecurity) {

  public SecurityHeadersProperties {
    strictTransportSecurity = strictTransportSecurity.strip();
  }
}
