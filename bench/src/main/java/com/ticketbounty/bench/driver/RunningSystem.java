package com.ticketbounty.bench.driver;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A started TicketBounty system as scenarios 5 and 6 measure it: where its gateway and
 * ticket-service listen, the stub e-mail provider its notification-service sends to, the directory
 * of its processes' logs ({@code <TB_RUN_DIR>/logs}), and the run command's process, whose
 * descendants are the services. The footprints are taken when this is made, just after the system
 * got ready, so that a later reading shows what load added.
 */
public final class RunningSystem {
  /** The processes the run command starts, as it names their logs. */
  public static final List<String> SERVICES =
      List.of(
          "gateway",
          "identity-service",
          "ticket-service",
          "comment-service",
          "notification-service",
          "admin-digest-service");

  private final String gateway;
  private final String ticketService;
  private final WireMockServer emails;
  private final Path logs;
  private final ProcessHandle runCommand;
  private final Map<String, ServiceFootprint> atReady;
  private volatile boolean loaded;

  private RunningSystem(
      String gateway,
      String ticketService,
      WireMockServer emails,
      Path logs,
      ProcessHandle runCommand) {
    this.gateway = gateway;
    this.ticketService = ticketService;
    this.emails = emails;
    this.logs = logs;
    this.runCommand = runCommand;
    this.atReady = footprints();
  }

  /** A system the run command has just reported ready; reads every service's footprint now. */
  public static RunningSystem ready(
      String gatewayUrl,
      String ticketServiceUrl,
      WireMockServer emailProvider,
      Path logDirectory,
      ProcessHandle runCommand) {
    return new RunningSystem(gatewayUrl, ticketServiceUrl, emailProvider, logDirectory, runCommand);
  }

  public String gateway() {
    return gateway;
  }

  public String ticketService() {
    return ticketService;
  }

  public WireMockServer emails() {
    return emails;
  }

  /** The footprints read when the system got ready. */
  public Map<String, ServiceFootprint> atReady() {
    return atReady;
  }

  /** Every service's footprint now (start-up figures from its log, RSS as it is now). */
  public Map<String, ServiceFootprint> footprints() {
    Map<String, ServiceFootprint> footprints = new LinkedHashMap<>();
    for (String service : SERVICES) {
      pidOf(service)
          .ifPresent(
              pid ->
                  footprints.put(
                      service, ServiceFootprint.of(service, pid, logs.resolve(service + ".log"))));
    }
    return footprints;
  }

  /** Scenario 5 put its load on this system (scenario 6 then reads RSS after it). */
  public void markLoaded() {
    loaded = true;
  }

  public boolean loaded() {
    return loaded;
  }

  /**
   * The service's JVM: the run command's descendant running {@code <service>-<version>-exec.jar}.
   */
  public Optional<Long> pidOf(String service) {
    return serviceJvm(runCommand, service).map(ProcessHandle::pid);
  }

  /**
   * The JVM among {@code runCommand}'s descendants running {@code <service>-<version>-exec.jar}.
   */
  public static Optional<ProcessHandle> serviceJvm(ProcessHandle runCommand, String service) {
    return runCommand.descendants().filter(p -> runsJarOf(p, service)).findFirst();
  }

  private static boolean runsJarOf(ProcessHandle process, String service) {
    String[] arguments = process.info().arguments().orElse(new String[0]);
    for (String argument : arguments) {
      String file = argument.substring(argument.lastIndexOf('/') + 1);
      if (file.startsWith(service + "-") && file.endsWith("-exec.jar")) {
        return true;
      }
    }
    return false;
  }
}
