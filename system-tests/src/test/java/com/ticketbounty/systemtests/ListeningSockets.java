package com.ticketbounty.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The addresses this machine's sockets listen on, as Linux's kernel lists them in {@code
 * /proc/net/tcp} and {@code /proc/net/tcp6}: what a process really bound, whatever its
 * configuration says.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  static List<InetAddress> on(int port) throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue; // a kernel without IPv6
      }
      for (String line : Files.readAllLines(path).stream().skip(1).toList()) {
        // "sl local_address rem_address st …", an address as <hex address>:<hex port>
        String[] fields = line.strip().split("\\s+");
        String[] local = fields[1].split(":");
        if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
          addresses.add(address(local[0]));
        }
      }
    }
    return addresses;
  }

  /**
   * The kernel prints each 32-bit word of the address in the machine's byte order (little-endian on
   * x86-64 and arm64). An IPv4-mapped IPv6 address comes back as its IPv4 address.
   */
  private static InetAddress address(String hex) throws IOException {
    byte[] printed = HexFormat.of().parseHex(hex);
    byte[] network = new byte[printed.length];
    for (int i = 0; i < printed.length; i++) {
      network[i] = printed[(i / 4) * 4 + 3 - i % 4];
    }
    return InetAddress.getByAddress(network);
  }
}
