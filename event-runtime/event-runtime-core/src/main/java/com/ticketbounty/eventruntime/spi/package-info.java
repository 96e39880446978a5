/** The ports that the storage and transport adapters implement. */
@NullMarked
package com.ticketbounty.eventruntime.spi;

import org.jspecify.annotations.NullMarked;
