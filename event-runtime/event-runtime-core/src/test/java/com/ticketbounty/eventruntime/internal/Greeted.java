package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventType;
import java.util.Objects;

@EventType(name = "test/greeted", version = "2.3")
public record Greeted(String name) {
  public Greeted {
    Objects.requireNonNull(name, "name");
  }
}
