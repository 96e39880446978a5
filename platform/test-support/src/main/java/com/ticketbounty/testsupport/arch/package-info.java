/** ArchUnit rules shared by the service modules. */
@NullMarked
package com.ticketbounty.testsupport.arch;

import org.jspecify.annotations.NullMarked;
