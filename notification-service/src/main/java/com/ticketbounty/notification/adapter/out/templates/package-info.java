/** E-mail bodies from template files, with JMustache. */
@NullMarked
package com.ticketbounty.notification.adapter.out.templates;

import org.jspecify.annotations.NullMarked;
