/**
 * The fault suite (docs/reliability.md, "The fault suite"): the whole system started service by
 * service, steady open-loop load through the gateway, one fault at a time, and a reconciliation of
 * what the provider received against what the databases say was done. The replica run ({@link
 * com.ticketbounty.reliability.faults.ReplicaRun}, docs/scaling.md) lays the same system out twice
 * and kills one replica of everything as one more fault.
 */
@NullMarked
package com.ticketbounty.reliability.faults;

import org.jspecify.annotations.NullMarked;
