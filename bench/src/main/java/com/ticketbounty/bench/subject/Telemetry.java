package com.ticketbounty.bench.subject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;

/**
 * Tracing and metrics as a service ships them: an OpenTelemetry SDK sampling every span into a
 * {@link BatchSpanProcessor} (whose exporter discards, so no collector's cost is measured) and a
 * Micrometer registry. {@code hook} sees every span end beside the batch processor.
 */
record Telemetry(OpenTelemetrySdk openTelemetry, MeterRegistry meters) implements AutoCloseable {

  static Telemetry withHook(SpanProcessor hook) {
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOn())
            .addSpanProcessor(BatchSpanProcessor.builder(new Discarding()).build())
            .addSpanProcessor(hook)
            .build();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracing)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    return new Telemetry(sdk, new SimpleMeterRegistry());
  }

  @Override
  public void close() {
    openTelemetry.close();
    meters.close();
  }

  private static final class Discarding implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
