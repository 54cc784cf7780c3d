import 'server-only';
// The OpenTelemetry trace SDK, loaded only when export is configured (index.ts imports this module on demand, so a
// server without OTEL_* variables never loads it). A tracer provider with a batching processor and the OTLP/HTTP
// exporter the protocol names, an AsyncLocalStorage context manager and the W3C trace-context propagator, all
// registered globally (Next.js's own spans then join the same provider).
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OTLPHttpJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider, type Sampler } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { TelemetryConfig } from './config';

export interface StartedSdk {
  tracer: Tracer;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

function samplerFor(cfg: Extract<TelemetryConfig, { enabled: true }>): Sampler {
  switch (cfg.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(cfg.samplerRatio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(cfg.samplerRatio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

export function startSdk(cfg: Extract<TelemetryConfig, { enabled: true }>, version: string): StartedSdk {
  // OTEL_RESOURCE_ATTRIBUTES (deployment.environment, service.namespace…) are merged under the service name.
  const detected = detectResources({ detectors: [envDetector] });
  const resource = detected.merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: cfg.serviceName, [ATTR_SERVICE_VERSION]: version }));
  const exporter = cfg.protocol === 'http/json' ? new OTLPHttpJsonTraceExporter() : new OTLPProtoTraceExporter();
  const provider = new TracerProvider({ resource, sampler: samplerFor(cfg), spanProcessors: [new BatchSpanProcessor({ exporter })] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(provider);
  return {
    tracer: provider.getTracer('mcp-tool-platform', version),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
