import 'server-only';
// Telemetry of this process: started once (scripts/serve.ts, or Next's instrumentation hook under `next dev`) when the
// OTEL_* variables ask for OTLP export (config.ts). Off, the SDK is not even loaded and the /mcp path pays one property
// read per request (activeTracer() is undefined). Started, every /mcp request gets a SERVER span (mcp-trace.ts).
import type { Tracer } from '@opentelemetry/api';
import { forComponent } from '@/lib/server/logger';
import { telemetryConfig, type TelemetryConfig } from './config';
import type { StartedSdk } from './sdk';

export { incomingTrace, RequestTrace, type CallTrace, type PipelineStep, type NetworkInfo } from './mcp-trace';

// One state per process, shared by every copy of this module (Next bundles its own copy next to the one tsx loads).
const state = ((globalThis as unknown as { __platformTelemetry?: { sdk?: StartedSdk; starting?: Promise<TelemetryConfig> } }).__platformTelemetry ??= {});

/** The tracer when trace export is on; undefined otherwise (the hot path's only check). */
export function activeTracer(): Tracer | undefined {
  return state.sdk?.tracer;
}

export function tracingEnabled(): boolean {
  return state.sdk !== undefined;
}

const VERSION = process.env.npm_package_version ?? '0.1.0';

/**
 * Starts trace export when the environment configures it; a no-op otherwise, and when already started.
 * A malformed OTEL_* value throws (the server must not start with a configuration it ignores).
 */
export function startTelemetry(env: Record<string, string | undefined> = process.env): Promise<TelemetryConfig> {
  state.starting ??= (async () => {
    const cfg = telemetryConfig(env);
    const log = forComponent('telemetry');
    if (!cfg.enabled) {
      log.debug({ reason: cfg.reason }, 'trace export off');
      return cfg;
    }
    const { startSdk } = await import('./sdk');
    state.sdk = startSdk(cfg, VERSION);
    log.info({ endpoint: cfg.endpoint, protocol: cfg.protocol, serviceName: cfg.serviceName, sampler: cfg.sampler }, 'trace export on (OTLP)');
    return cfg;
  })();
  return state.starting;
}

/** Exports every ended span now (tests, and before a process exits). */
export async function flushTelemetry(): Promise<void> {
  await state.sdk?.forceFlush();
}

/** Flushes and stops the exporter (on SIGTERM). */
export async function shutdownTelemetry(): Promise<void> {
  const sdk = state.sdk;
  state.sdk = undefined;
  state.starting = undefined;
  await sdk?.shutdown();
  if (sdk) {
    // Unregister the global provider, propagator and context manager too, so a later start registers afresh.
    const api = await import('@opentelemetry/api');
    api.trace.disable();
    api.propagation.disable();
    api.context.disable();
  }
}
