package com.ticketbounty.eventruntime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an event contract: its wire name and schema version. The wire name is what
 * travels (routing key, AMQP {@code type}, the body's {@code name}); the Java class name never
 * does, so a record may be renamed or moved freely.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
  /** The stable wire name, for example {@code app/ticket.created}. */
  String name();

  /**
   * The schema version {@code MAJOR.MINOR}: adding a field bumps MINOR, a breaking change MAJOR.
   */
  String version();
}
