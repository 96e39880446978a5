package com.ticketbounty.identity.archfixture.domain;

import com.rabbitmq.client.Channel;

/** Breaks "domain uses no framework": the AMQP client. */
public class RabbitInDomain {
  Channel channel;
}
