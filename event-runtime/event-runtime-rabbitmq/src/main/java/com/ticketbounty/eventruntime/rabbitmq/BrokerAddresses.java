package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Address;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The brokers a service may connect to: one, or the nodes of a cluster. amqp-client tries them in a
 * shuffled order on every connect and every recovery, so a node that refuses is skipped and the
 * services of a system spread over the nodes.
 *
 * @param addresses host and port of each node, at least one
 */
public record BrokerAddresses(List<Address> addresses) {

  public BrokerAddresses {
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one broker address is needed");
    }
    for (Address address : addresses) {
      if (address.getHost().isBlank()) {
        throw new IllegalArgumentException("a broker address has no host: " + addresses);
      }
      if (address.getPort() < 1 || address.getPort() > 65_535) {
        throw new IllegalArgumentException(
            "port must be between 1 and 65535, was %d in %s".formatted(address.getPort(), address));
      }
    }
  }

  /** A single broker. */
  public static BrokerAddresses of(String host, int port) {
    return new BrokerAddresses(List.of(new Address(host, port)));
  }

  /**
   * Parses {@code host[:port],host[:port],…} ({@code RABBITMQ_ADDRESSES}); IPv6 hosts go in
   * brackets. An address without a port takes {@code defaultPort}.
   *
   * @throws IllegalArgumentException when the list is blank or a port is not a number in range
   */
  public static BrokerAddresses parse(String commaSeparated, int defaultPort) {
    if (commaSeparated.isBlank()) {
      throw new IllegalArgumentException("the list of broker addresses is blank");
    }
    try {
      return new BrokerAddresses(
          Arrays.stream(Address.parseAddresses(commaSeparated.strip()))
              .map(
                  address ->
                      address.getPort() == -1
                          ? new Address(address.getHost(), defaultPort)
                          : address)
              .toList());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a broker port is not a number in '%s'".formatted(commaSeparated), e);
    }
  }

  /** {@code host:port,host:port}, for logs and for settings that take the same list. */
  @Override
  public String toString() {
    return addresses.stream()
        .map(address -> hostPart(address.getHost()) + ":" + address.getPort())
        .collect(Collectors.joining(","));
  }

  /** An IPv6 host in brackets, so that the list parses back to the same addresses. */
  private static String hostPart(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
