/**
 * The operations API at the gateway ({@code /api/ops/**}, ADMIN only): a fan-out over every
 * service's {@code /internal/runtime/**} that merges their answers and names a service that did not
 * answer instead of failing, and the ADMIN gate of the console pages under {@code /ops}.
 */
@NullMarked
package com.ticketbounty.gateway.ops;

import org.jspecify.annotations.NullMarked;
