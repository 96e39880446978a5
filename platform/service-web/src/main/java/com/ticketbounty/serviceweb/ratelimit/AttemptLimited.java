package com.ticketbounty.serviceweb.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that takes an {@link AttemptLimit}: its OpenAPI operation lists the {@code 429}
 * answer with {@code Retry-After} (service-web's springdoc customizer adds it beside the answers
 * springdoc found, so the operation's own 2xx stays as it was).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AttemptLimited {}
