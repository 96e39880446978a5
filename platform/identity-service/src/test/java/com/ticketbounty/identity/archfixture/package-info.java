/**
 * Classes that break the hexagonal rules on purpose, one per rule, so that the architecture test
 * can prove each rule rejects what it is meant to. Never part of the real code's import.
 */
package com.ticketbounty.identity.archfixture;
