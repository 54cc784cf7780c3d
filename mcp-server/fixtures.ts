import 'server-only';
// Fixture tools the official conformance suite expects (test_*). Served only when MCP_TEST_FIXTURES=1 — a test
// switch that production never sets — and still audited. They touch no data.
import { inputRequired, MissingRequiredClientCapabilityError, type CallToolResult, type InputRequiredResult, type LoggingLevel, type Tool } from '@modelcontextprotocol/server';

// A 1×1 red PNG and a short silent WAV, generated here rather than shipped as files.
const PNG_1X1_RED = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
function silentWav(): string {
  const samples = 800;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + samples * 2, 4); b.write('WAVE', 8); b.write('fmt ', 12);
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(8000, 24); b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36); b.writeUInt32LE(samples * 2, 40);
  return b.toString('base64');
}

const noArgs = { type: 'object', properties: {}, additionalProperties: false } as const;

/** What a fixture may use of its call: progress, in-call logging, and the capabilities the client declared (2026-07-28). */
export interface FixtureCall {
  progress?: (progress: number, message: string) => Promise<void>;
  log: (level: LoggingLevel, data: unknown) => Promise<void>;
  clientCapabilities?: Record<string, unknown>;
}

interface Fixture {
  tool: Tool;
  run: (call: FixtureCall) => CallToolResult | InputRequiredResult | Promise<CallToolResult | InputRequiredResult>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const FIXTURES: Fixture[] = [
  { tool: { name: 'test_simple_text', description: 'Conformance fixture: returns a simple text.', inputSchema: noArgs },
    run: () => ({ content: [{ type: 'text', text: 'This is a simple text response for testing.' }] }) },
  { tool: { name: 'test_image_content', description: 'Conformance fixture: returns an image.', inputSchema: noArgs },
    run: () => ({ content: [{ type: 'image', data: PNG_1X1_RED, mimeType: 'image/png' }] }) },
  { tool: { name: 'test_audio_content', description: 'Conformance fixture: returns audio.', inputSchema: noArgs },
    run: () => ({ content: [{ type: 'audio', data: silentWav(), mimeType: 'audio/wav' }] }) },
  { tool: { name: 'test_embedded_resource', description: 'Conformance fixture: returns an embedded resource.', inputSchema: noArgs },
    run: () => ({ content: [{ type: 'resource', resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' } }] }) },
  { tool: { name: 'test_multiple_content_types', description: 'Conformance fixture: returns mixed content.', inputSchema: noArgs },
    run: () => ({ content: [
      { type: 'text', text: 'Multiple content types test:' },
      { type: 'image', data: PNG_1X1_RED, mimeType: 'image/png' },
      { type: 'resource', resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: '{"test":"data","value":123}' } },
    ] }) },
  { tool: { name: 'test_tool_with_progress', description: 'Conformance fixture: reports progress 0, 50, 100.', inputSchema: noArgs },
    run: async ({ progress }) => {
      for (const p of [0, 50, 100]) {
        await progress?.(p, `step ${p}`);
        if (p < 100) await pause(50);
      }
      return { content: [{ type: 'text', text: 'Progress test completed' }] };
    } },
  { tool: { name: 'test_error_handling', description: 'Conformance fixture: always fails.', inputSchema: noArgs },
    run: () => ({ isError: true, content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }] }) },
  { tool: {
      name: 'json_schema_2020_12_tool', description: 'Conformance fixture: a JSON Schema 2020-12 input schema kept intact ($defs, $anchor, allOf, if/then/else).',
      inputSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object',
        $defs: { address: { $anchor: 'addressDef', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
        properties: {
          name: { type: 'string' }, address: { $ref: '#/$defs/address' },
          contactMethod: { type: 'string', enum: ['phone', 'email'] }, phone: { type: 'string' }, email: { type: 'string' },
        },
        allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
        if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
        then: { required: ['phone'] },
        else: { required: ['email'] },
        additionalProperties: false,
      },
    },
    run: () => ({ content: [{ type: 'text', text: 'ok' }] }) },
  // Diagnostic tools of the 2026-07-28 `server-stateless` scenario.
  { tool: { name: 'test_logging_tool', description: 'Conformance fixture: logs during the call (sent only when the request sets a log level).', inputSchema: noArgs },
    run: async ({ log }) => {
      await log('info', 'test_logging_tool ran');
      return { content: [{ type: 'text', text: 'logged' }] };
    } },
  { tool: { name: 'test_missing_capability', description: 'Conformance fixture: needs the client sampling capability.', inputSchema: noArgs },
    run: ({ clientCapabilities }) => {
      if (!clientCapabilities?.sampling) throw new MissingRequiredClientCapabilityError({ requiredCapabilities: { sampling: {} } });
      return { content: [{ type: 'text', text: 'the client can sample' }] };
    } },
  { tool: { name: 'test_streaming_elicitation', description: 'Conformance fixture: asks the client for input with an input_required result.', inputSchema: noArgs },
    run: () => inputRequired({ inputRequests: { name: inputRequired.elicit({ message: 'Your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } }) } }) },
];

export function fixtureTools(): Tool[] {
  return FIXTURES.map((f) => f.tool);
}

export function fixtureFor(name: string): Fixture | undefined {
  return FIXTURES.find((f) => f.tool.name === name);
}
