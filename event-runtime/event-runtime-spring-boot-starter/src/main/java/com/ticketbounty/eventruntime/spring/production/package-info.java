/**
 * The {@code prod} profile's refusal to start on development defaults: a guard run before the
 * application context, and the defaults each module contributes.
 */
@NullMarked
package com.ticketbounty.eventruntime.spring.production;

import org.jspecify.annotations.NullMarked;
