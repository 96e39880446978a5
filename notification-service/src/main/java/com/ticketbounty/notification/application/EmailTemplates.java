package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.EmailTemplate;
import java.util.Map;

/**
 * Renders an e-mail's two bodies from its template files. The HTML body escapes every value, so
 * user text never becomes markup; the text body shows values as they are.
 */
public interface EmailTemplates {

  /**
   * @throws IllegalArgumentException when a value the template needs is missing
   */
  EmailBodies render(EmailTemplate template, Map<String, Object> values);
}
