/** The HTTP API of tickets (API.md): JSON bodies of its own, errors as RFC 9457 problem details. */
@NullMarked
package com.ticketbounty.ticket.adapter.in.web;

import org.jspecify.annotations.NullMarked;
