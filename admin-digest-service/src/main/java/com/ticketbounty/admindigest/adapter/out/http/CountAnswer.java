package com.ticketbounty.admindigest.adapter.out.http;

import org.jspecify.annotations.Nullable;

/**
 * The body of a count endpoint: {@code {"total", "createdSince", "since"}}. Boxed, so that a
 * missing figure is told apart from a zero.
 */
record CountAnswer(@Nullable Long total, @Nullable Long createdSince, @Nullable String since) {}
