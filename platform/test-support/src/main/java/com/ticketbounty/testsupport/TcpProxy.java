package com.ticketbounty.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy between the code under test and a real server, for making outages: {@link #cut()}
 * drops every connection and refuses new ones, {@link #restore()} accepts again. The servers
 * themselves keep running, so other tests are not disturbed.
 */
public final class TcpProxy implements AutoCloseable {
  private final NioReactor reactor;
  private final TcpCrusher crusher;
  private final int port;

  private TcpProxy(NioReactor reactor, TcpCrusher crusher, int port) {
    this.reactor = reactor;
    this.crusher = crusher;
    this.port = port;
  }

  public static TcpProxy to(String host, int targetPort) {
    try {
      NioReactor reactor = new NioReactor();
      int port = freePort();
      TcpCrusher crusher =
          TcpCrusherBuilder.builder()
              .withReactor(reactor)
              .withBindAddress("127.0.0.1", port)
              .withConnectAddress(host, targetPort)
              .buildAndOpen();
      return new TcpProxy(reactor, crusher, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local port that clients should connect to. */
  public int port() {
    return port;
  }

  public String host() {
    return "127.0.0.1";
  }

  /** Closes every proxied connection and stops listening: the server looks gone. */
  public void cut() {
    crusher.close();
  }

  /** Listens again; clients that reconnect reach the server. */
  public void restore() {
    crusher.open();
  }

  @Override
  public void close() {
    crusher.close();
    reactor.close();
  }

  /** A port that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
