package com.ticketbounty.comment.integration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that wants the comment-service whose projections event-runtime's own consumer
 * takes ({@code event-runtime.projections.consumer=runtime}) instead of the Spring Cloud Stream
 * binder, the default: {@link CommentServiceExtension} starts that one once for all such classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ProjectionsOnTheRuntimesConsumer {}
