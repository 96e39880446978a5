package com.ticketbounty.eventruntime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event contract as sensitive (a password-reset link, say). Its value
 * leaves the producer encrypted with AES-GCM — {@code {"$enc": "…"}} in place of the value — so
 * neither the broker's disk nor an outbox, run or memo row holds it in clear; the consuming
 * function receives it decrypted; logs and the operations API show {@code [redacted]}; CEL
 * expressions cannot filter on it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Sensitive {}
