/** RFC 9457 problem details as every service answers them. */
@NullMarked
package com.ticketbounty.serviceweb.problem;

import org.jspecify.annotations.NullMarked;
