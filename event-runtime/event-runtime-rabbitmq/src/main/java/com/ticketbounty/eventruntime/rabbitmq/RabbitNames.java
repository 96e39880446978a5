package com.ticketbounty.eventruntime.rabbitmq;

/**
 * The names of the broker objects (DESIGN.md §6). They are part of the deployed system's contract:
 * renaming one orphans the old queue and its messages.
 *
 * @param prefix prefixes every name; may be empty
 * @param service the service that owns the queues
 */
public record RabbitNames(String prefix, String service) {

  public static RabbitNames of(RabbitSettings settings) {
    return new RabbitNames(settings.namePrefix(), settings.serviceName());
  }

  /** The durable topic exchange every event is published to, with its name as routing key. */
  public String exchange() {
    return prefix + "events";
  }

  /**
   * The durable direct exchange that takes dead letters, routed by the name of the queue they died
   * in.
   */
  public String deadLetterExchange() {
    return exchange() + ".dlx";
  }

  /** The quorum queue of one subscription: {@code <prefix><service>.<subscriptionId>}. */
  public String queue(String subscriptionId) {
    return prefix + service + "." + subscriptionId;
  }

  /** The dead-letter queue beside {@code queue}, bound to the DLX with the queue's name. */
  public String deadLetterQueue(String queue) {
    return queue + ".dlq";
  }
}
