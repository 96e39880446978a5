/** Spring Boot auto-configuration of event-runtime. */
@NullMarked
package com.ticketbounty.eventruntime.spring;

import org.jspecify.annotations.NullMarked;
