import 'server-only';
// Whether and how traces are exported, from the standard OpenTelemetry environment variables
// (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/):
//   OTEL_SDK_DISABLED=true                       nothing is started
//   OTEL_TRACES_EXPORTER                         "otlp" (default when an endpoint is set) or "none"
//   OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT   where to send (either one turns export on)
//   OTEL_EXPORTER_OTLP_PROTOCOL / OTEL_EXPORTER_OTLP_TRACES_PROTOCOL   http/protobuf (default) or http/json
//   OTEL_SERVICE_NAME                            default "mcp-tool-platform"
//   OTEL_TRACES_SAMPLER (+ _ARG)                 parentbased_always_on (default), always_on, always_off,
//                                                traceidratio, parentbased_traceidratio, parentbased_always_off
// The exporter itself reads the rest (headers, timeout, compression, certificates) from the same variables.
import { z } from 'zod';

export const DEFAULT_SERVICE_NAME = 'mcp-tool-platform';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const url = (name: string) => z.preprocess(blank, z.url({ protocol: /^https?$/, error: `${name} must be an http:// or https:// URL.` }).optional());
const protocol = (name: string) =>
  z.preprocess(
    (v) => (typeof blank(v) === 'string' ? (blank(v) as string).toLowerCase() : undefined),
    z
      .enum(['http/protobuf', 'http/json', 'grpc'], { error: `${name} must be http/protobuf or http/json.` })
      .refine((p) => p !== 'grpc', `${name}=grpc is not supported by this server: use http/protobuf or http/json (an OpenTelemetry Collector accepts both on port 4318).`)
      .optional(),
  );

const ZOtelEnv = z.object({
  OTEL_SDK_DISABLED: z.preprocess((v) => (typeof blank(v) === 'string' ? (blank(v) as string).toLowerCase() : undefined), z.enum(['true', 'false'], { error: 'OTEL_SDK_DISABLED must be true or false.' }).optional()),
  OTEL_TRACES_EXPORTER: z.preprocess(
    (v) => (typeof blank(v) === 'string' ? (blank(v) as string).toLowerCase().split(',').map((s) => s.trim()).filter(Boolean) : undefined),
    z
      .array(z.enum(['otlp', 'none', 'console'], { error: 'OTEL_TRACES_EXPORTER must be otlp or none.' }))
      .refine((l) => !l.includes('console'), 'OTEL_TRACES_EXPORTER=console is not supported by this server: use otlp (or none).')
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: url('OTEL_EXPORTER_OTLP_ENDPOINT'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
  OTEL_EXPORTER_OTLP_PROTOCOL: protocol('OTEL_EXPORTER_OTLP_PROTOCOL'),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'),
  OTEL_SERVICE_NAME: z.preprocess(blank, z.string().max(200, 'OTEL_SERVICE_NAME must be at most 200 characters.').optional()),
  OTEL_TRACES_SAMPLER: z.preprocess(
    (v) => (typeof blank(v) === 'string' ? (blank(v) as string).toLowerCase() : undefined),
    z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'], {
      error: 'OTEL_TRACES_SAMPLER must be always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off or parentbased_traceidratio.',
    }).optional(),
  ),
  OTEL_TRACES_SAMPLER_ARG: z.preprocess(blank, z.coerce.number({ error: 'OTEL_TRACES_SAMPLER_ARG must be a number between 0 and 1.' }).min(0, 'OTEL_TRACES_SAMPLER_ARG must be between 0 and 1.').max(1, 'OTEL_TRACES_SAMPLER_ARG must be between 0 and 1.').optional()),
});

export type SamplerName = 'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

export type TelemetryConfig =
  | { enabled: false; reason: string }
  | { enabled: true; serviceName: string; protocol: 'http/protobuf' | 'http/json'; endpoint: string; sampler: SamplerName; samplerRatio: number };

/**
 * What the environment asks for. Export is on only when asked: an OTLP endpoint is set (or OTEL_TRACES_EXPORTER=otlp
 * names the default one), and neither OTEL_SDK_DISABLED nor OTEL_TRACES_EXPORTER=none turns it off.
 * A malformed value throws an error naming the variable.
 */
export function telemetryConfig(env: Record<string, string | undefined> = process.env): TelemetryConfig {
  const parsed = ZOtelEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid OpenTelemetry configuration:\n${parsed.error.issues.map((i) => `  ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  if (e.OTEL_SDK_DISABLED === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  if (e.OTEL_TRACES_EXPORTER?.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  const explicitOtlp = e.OTEL_TRACES_EXPORTER?.includes('otlp') ?? false;
  if (!e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT && !e.OTEL_EXPORTER_OTLP_ENDPOINT && !explicitOtlp) {
    return { enabled: false, reason: 'no OTLP endpoint configured (OTEL_EXPORTER_OTLP_ENDPOINT)' };
  }
  const protocol = e.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? e.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  // The exporter resolves the same precedence itself; this is what the start-up line reports.
  const endpoint = e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (e.OTEL_EXPORTER_OTLP_ENDPOINT ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` : 'http://localhost:4318/v1/traces');
  return {
    enabled: true,
    serviceName: e.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME,
    protocol,
    endpoint,
    sampler: e.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on',
    samplerRatio: e.OTEL_TRACES_SAMPLER_ARG ?? 1,
  };
}
