/** E-mails while no provider is configured. */
@NullMarked
package com.ticketbounty.notification.adapter.out.email;

import org.jspecify.annotations.NullMarked;
