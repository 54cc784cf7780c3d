// When trace export starts: only when the standard OTEL_* variables ask for it; bad values are named.
import { describe, expect, it } from 'vitest';
import { telemetryConfig } from './config';

describe('telemetryConfig', () => {
  it('is off without an OTLP endpoint', () => {
    expect(telemetryConfig({})).toMatchObject({ enabled: false });
    expect(telemetryConfig({ OTEL_SERVICE_NAME: 'x' })).toMatchObject({ enabled: false });
  });

  it('is on with an endpoint (generic or traces-specific), with defaults', () => {
    expect(telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true, serviceName: 'mcp-tool-platform', protocol: 'http/protobuf', endpoint: 'http://collector:4318/v1/traces', sampler: 'parentbased_always_on', samplerRatio: 1,
    });
    expect(telemetryConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/v1/traces', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'mcp-eu' })).toMatchObject({
      enabled: true, endpoint: 'https://otel.example/v1/traces', protocol: 'http/json', serviceName: 'mcp-eu',
    });
    expect(telemetryConfig({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({ enabled: true, endpoint: 'http://localhost:4318/v1/traces' });
  });

  it('is off when disabled, even with an endpoint', () => {
    expect(telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'TRUE' })).toMatchObject({ enabled: false });
    expect(telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' })).toMatchObject({ enabled: false });
  });

  it('names a bad value', () => {
    expect(() => telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http/);
    expect(() => telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/grpc is not supported/);
    expect(() => telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER must be/);
    expect(() => telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/between 0 and 1/);
  });
});
