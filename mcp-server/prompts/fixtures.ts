import 'server-only';
// Prompts the official conformance suite gets (test_*). Served only under the test switch MCP_TEST_FIXTURES=1
// (mcp-server/config.ts), which production never sets. prompts/get of them is still audited.
import type { PromptProvider, ServedPrompt } from './types';

const PNG_1X1_RED = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const audit = (name: string) => ({ resourceType: 'fixture', resourceId: name, details: { fixture: true } });
const SUGGESTIONS = ['paris', 'park', 'party', 'test', 'testing'];

const FIXTURES: ServedPrompt[] = [
  { prompt: { name: 'test_simple_prompt', description: 'Conformance fixture: a prompt without arguments.' },
    render: () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }] }), audit: audit('test_simple_prompt') },
  { prompt: { name: 'test_prompt_with_arguments', description: 'Conformance fixture: a prompt with arguments.',
      arguments: [{ name: 'arg1', description: 'First test argument', required: true }, { name: 'arg2', description: 'Second test argument', required: true }] },
    render: (a) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Prompt with arguments: arg1='${a.arg1 ?? ''}', arg2='${a.arg2 ?? ''}'` } }] }),
    complete: (arg) => (arg.name === 'arg1' ? SUGGESTIONS.filter((s) => s.startsWith(arg.value)) : []), audit: audit('test_prompt_with_arguments') },
  { prompt: { name: 'test_prompt_with_embedded_resource', description: 'Conformance fixture: a prompt embedding a resource.',
      arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }] },
    render: (a) => ({ messages: [
      { role: 'user', content: { type: 'resource', resource: { uri: a.resourceUri ?? '', mimeType: 'text/plain', text: 'Embedded resource content for testing.' } } },
      { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
    ] }), audit: audit('test_prompt_with_embedded_resource') },
  { prompt: { name: 'test_prompt_with_image', description: 'Conformance fixture: a prompt with an image.' },
    render: () => ({ messages: [
      { role: 'user', content: { type: 'image', data: PNG_1X1_RED, mimeType: 'image/png' } },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
    ] }), audit: audit('test_prompt_with_image') },
];

export const fixturePromptProvider: PromptProvider = { id: 'fixtures', list: async () => FIXTURES };
