package com.ticketbounty.comment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code comment-service.rate-limits.*}.
 *
 * @param commentsPerMinute comments one account may post per minute, counted across every instance
 *     ({@code COMMENTSERVICE_RATELIMITS_COMMENTSPERMINUTE}; a test system may raise it)
 */
@ConfigurationProperties("comment-service.rate-limits")
public record RateLimitProperties(@DefaultValue("30") int commentsPerMinute) {}
