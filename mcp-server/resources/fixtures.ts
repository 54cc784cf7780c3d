import 'server-only';
// Resources the official conformance suite reads (test://…). Served only under the test switch MCP_TEST_FIXTURES=1
// (mcp-server/config.ts), which production never sets. They touch no data; reads are still audited.
import { UriTemplate } from '@modelcontextprotocol/server';
import type { ResourceProvider } from './types';

// A 1×1 red PNG (as in mcp-server/fixtures.ts).
const PNG_1X1_RED = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const TEMPLATE = 'test://template/{id}/data';
const template = new UriTemplate(TEMPLATE);

const STATIC = [
  { resource: { uri: 'test://static-text', name: 'static-text', description: 'Conformance fixture: a static text resource.', mimeType: 'text/plain' },
    contents: { uri: 'test://static-text', mimeType: 'text/plain', text: 'This is the content of the static text resource.' } },
  { resource: { uri: 'test://static-binary', name: 'static-binary', description: 'Conformance fixture: a static binary resource (PNG).', mimeType: 'image/png' },
    contents: { uri: 'test://static-binary', mimeType: 'image/png', blob: PNG_1X1_RED } },
];

export const fixtureResourceProvider: ResourceProvider = {
  id: 'fixtures',
  available: async () => true,
  list: async () => ({ resources: STATIC.map((s) => s.resource) }),
  templates: async () => [{ uriTemplate: TEMPLATE, name: 'template-data', description: 'Conformance fixture: data for an id.', mimeType: 'application/json' }],
  async read(_ctx, uri) {
    const fixed = STATIC.find((s) => s.resource.uri === uri);
    if (fixed) return { result: { contents: [fixed.contents] }, audit: { resourceType: 'fixture', resourceId: uri, details: { fixture: true } } };
    const id = template.match(uri)?.id;
    if (typeof id !== 'string' || !id) return null;
    return {
      result: { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) }] },
      audit: { resourceType: 'fixture', resourceId: uri, details: { fixture: true } },
    };
  },
  async complete(_ctx, uriTemplate, argument) {
    if (uriTemplate !== TEMPLATE) return null;
    return argument.name === 'id' ? ['123', '456', '789'].filter((v) => v.startsWith(argument.value)) : [];
  },
};
