/** The digest's use case and the port through which it reaches the services that own the rows. */
@NullMarked
package com.ticketbounty.admindigest.application;

import org.jspecify.annotations.NullMarked;
