/**
 * The fault suite (docs/reliability.md, "The fault suite"): the whole system started service by
 * service, steady open-loop load through the gateway, one fault at a time, and a reconciliation of
 * what the provider received against what the databases say was done.
 */
@NullMarked
package com.ticketbounty.reliability.faults;

import org.jspecify.annotations.NullMarked;
