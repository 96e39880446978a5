package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventType;
import java.util.Objects;

@EventType(name = "test/greeted", version = "2.3")
record Greeted(String name) {
  Greeted {
    Objects.requireNonNull(name, "name");
  }
}
