// The structured log: one JSON object per line, with the level as a word, an ISO time, the service, and for a request
// its request id and trace ids; secret-bearing keys and tool arguments are redacted; LOG_LEVEL filters.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, forComponent, forRequest, logLevelFrom } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('writes JSON lines carrying the request id, trace id and span id of a request', () => {
    const { lines, destination } = capture();
    const root = createLogger({ level: 'info', destination });
    const traceId = 'a'.repeat(32);
    forRequest({ requestId: 'req-1', traceId, spanId: 'b'.repeat(16), tenant: 'acme' }, forComponent('mcp', root)).warn({ tool: 'kb_search' }, 'the tool failed');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({ level: 'warn', msg: 'the tool failed', component: 'mcp', requestId: 'req-1', traceId, spanId: 'b'.repeat(16), tenant: 'acme', tool: 'kb_search', service: 'mcp-tool-platform' });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('leaves absent trace ids out', () => {
    const { lines, destination } = capture();
    forRequest({ requestId: 'req-2' }, createLogger({ level: 'info', destination })).info('refused');
    expect(lines[0]).toMatchObject({ requestId: 'req-2' });
    expect(lines[0]).not.toHaveProperty('traceId');
    expect(lines[0]).not.toHaveProperty('spanId');
  });

  it('redacts secrets and tool arguments', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).info({ authorization: 'Bearer mcp_secret', request: { arguments: { ssn: '123' }, headers: { cookie: 'sid=1' } }, password: 'p' }, 'x');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('mcp_secret');
    expect(text).not.toContain('123');
    expect(text).not.toContain('sid=1');
    expect(lines[0]).toMatchObject({ authorization: '[redacted]', password: '[redacted]', request: { arguments: '[redacted]', headers: { cookie: '[redacted]' } } });
  });

  it('filters by level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.info('not shown');
    log.error('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('reads LOG_LEVEL: default info, silent under test, an invalid value reported', () => {
    expect(logLevelFrom({})).toEqual({ level: 'info' });
    expect(logLevelFrom({ NODE_ENV: 'test' })).toEqual({ level: 'silent' });
    expect(logLevelFrom({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toEqual({ level: 'debug' });
    expect(logLevelFrom({ LOG_LEVEL: 'WARN' })).toEqual({ level: 'warn' });
    const bad = logLevelFrom({ LOG_LEVEL: 'loud' });
    expect(bad.level).toBe('info');
    expect(bad.problem).toMatch(/LOG_LEVEL must be one of/);
  });
});
