package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.internal.EventCodec;
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
    NewRuns newRuns) {}
