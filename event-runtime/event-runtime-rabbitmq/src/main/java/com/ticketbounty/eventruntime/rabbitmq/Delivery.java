package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.ticketbounty.eventruntime.spi.InboundMessage;

/** A delivery waiting on a channel to be handled: its tag, its properties and the message. */
record Delivery(long tag, AMQP.BasicProperties properties, InboundMessage message) {}
