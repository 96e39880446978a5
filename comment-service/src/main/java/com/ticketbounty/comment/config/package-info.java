/** Explicit wiring of use cases to their adapters. */
@NullMarked
package com.ticketbounty.comment.config;

import org.jspecify.annotations.NullMarked;
