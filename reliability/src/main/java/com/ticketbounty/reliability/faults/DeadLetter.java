package com.ticketbounty.reliability.faults;

/** A live dead letter, drained into a service's {@code event_runtime.dead_letters}. */
record DeadLetter(String queue, String messageId, String reason) {}
