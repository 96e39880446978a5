package com.ticketbounty.eventruntime.spi;

/**
 * Completes a waiting step of another run — a matched event, an invoked run's result. It applies
 * only while that step is {@link StepStatus#WAITING} and its run is waiting (not leased); the run
 * then becomes due at once.
 */
public record Resolution(ParentStep target, StepWrite write) {}
