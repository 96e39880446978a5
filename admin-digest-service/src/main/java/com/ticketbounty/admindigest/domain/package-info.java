/** The digest's figures and the period they cover: plain Java. */
@NullMarked
package com.ticketbounty.admindigest.domain;

import org.jspecify.annotations.NullMarked;
