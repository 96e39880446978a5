package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.StepOverrides;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/** What every part of one engine shares. */
record EngineParts(
    RunStore store,
    Functions functions,
    EventCodec codec,
    Memos memos,
    EventExpressions expressions,
    EngineSettings settings,
    RandomGenerator random,
    StepOverrides overrides,
    Executor branches,
    NewRuns newRuns,
    EngineTelemetry telemetry) {}
