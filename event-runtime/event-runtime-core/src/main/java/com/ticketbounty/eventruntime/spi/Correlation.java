package com.ticketbounty.eventruntime.spi;

/**
 * The equality a {@code waitForEvent} match demands of the awaited event, when its match is (or
 * contains as a conjunct) {@code event.<path> == async.<path>}: the awaited event's field and the
 * value the run's trigger has there. It lets a store find the waits an event may resolve through an
 * index, instead of handing every wait of the event's name to CEL; CEL still decides each match.
 *
 * @param path the awaited event's field as CEL selects it, dot-separated: {@code data.ticketId}
 * @param value the value in a canonical text that any two values CEL finds equal share: JSON text
 *     for strings, booleans and {@code null}; a number as the double CEL compares it as, written as
 *     an integer when whole ({@code 5} and {@code 5.0} are equal in CEL), so {@code 5} and {@code
 *     "5"} differ as CEL treats them. Values CEL keeps apart may share a text (a huge integer and
 *     its neighbour, {@code -0.0} and {@code 0}): that costs a CEL evaluation, never a match
 */
public record Correlation(String path, String value) {}
