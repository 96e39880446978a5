/** What every HTTP service of TicketBounty shares; see the sub-packages. */
@NullMarked
package com.ticketbounty.serviceweb;

import org.jspecify.annotations.NullMarked;
