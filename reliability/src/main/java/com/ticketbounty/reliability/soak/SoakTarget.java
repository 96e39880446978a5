package com.ticketbounty.reliability.soak;

import com.ticketbounty.bench.driver.RunningSystem;

/**
 * The started system the soak loads: its gateway and processes, its {@code TB_INSTANCE} (the prefix
 * of its databases), the port of the PostgreSQL those databases live on (run.sh's embedded one for
 * the command), and the broker's port and version.
 */
public record SoakTarget(
    RunningSystem system,
    String instance,
    int postgresPort,
    int brokerPort,
    String brokerVersion) {}
