package com.ticketbounty.reliability.soak;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap each service uses right after a full collection, read over JMX: the soak attaches to
 * each service's JVM by its PID (the Attach API starts the JVM's local management agent), then per
 * sample calls {@code MemoryMXBean.gc()} — {@code System.gc()}, a full, stop-the-world collection
 * under G1 — and reads the heap's used bytes. What survives a full GC is what the service holds on
 * to, so a leak shows as a rising floor; the collection adds a short pause to that service's
 * requests once per sample period.
 */
final class HeapAfterGc implements AutoCloseable {
  private final Map<String, MemoryMXBean> memory = new LinkedHashMap<>();
  private final List<JMXConnector> connectors = new ArrayList<>();

  /** Attaches to every service in {@code pids} (service name → PID). */
  static HeapAfterGc attach(Map<String, Long> pids) throws IOException {
    HeapAfterGc heap = new HeapAfterGc();
    for (var service : pids.entrySet()) {
      heap.attach(service.getKey(), service.getValue());
    }
    return heap;
  }

  private void attach(String service, long pid) throws IOException {
    String address;
    try {
      VirtualMachine machine = VirtualMachine.attach(Long.toString(pid));
      try {
        address = machine.startLocalManagementAgent();
      } finally {
        machine.detach();
      }
    } catch (AttachNotSupportedException e) {
      throw new IOException("cannot attach to %s (PID %d)".formatted(service, pid), e);
    }
    JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    connectors.add(connector);
    memory.put(
        service,
        ManagementFactory.newPlatformMXBeanProxy(
            connector.getMBeanServerConnection(),
            ManagementFactory.MEMORY_MXBEAN_NAME,
            MemoryMXBean.class));
  }

  /** Per service, the heap used (MiB) after a full GC run now; a service gone reads as absent. */
  Map<String, Double> usedMib() {
    Map<String, Double> used = new LinkedHashMap<>();
    memory.forEach(
        (service, bean) -> {
          try {
            bean.gc();
            used.put(service, bean.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0));
          } catch (RuntimeException gone) {
            // The service stopped answering JMX; the gap in its series says so.
          }
        });
    return used;
  }

  @Override
  public void close() {
    for (JMXConnector connector : connectors) {
      try {
        connector.close();
      } catch (IOException e) {
        // the service is gone already
      }
    }
  }
}
