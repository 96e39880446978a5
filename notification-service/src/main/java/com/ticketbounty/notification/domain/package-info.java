/** What the service sends and to whom, in plain Java: e-mails and their content. */
@NullMarked
package com.ticketbounty.notification.domain;

import org.jspecify.annotations.NullMarked;
