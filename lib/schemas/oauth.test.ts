import { describe, expect, it } from 'vitest';
import { choiceLabel, clientMetadataProblem, groupScope, parseToolsScope, redirectUriProblem, requestedChoice, scopesForCatalogue, toolGroups, toolsForScopes, ZConsentDecisionInput } from './oauth';
import { isOAuthPath } from '@/lib/server/oauth/config';

const TOOLS = [{ slug: 'kb_search', category: 'Knowledge' }, { slug: 'ticket_search', category: 'Support desk' }, { slug: 'ticket_create', category: 'Support desk' }];

describe('scopes', () => {
  it('maps tool and group scopes to the tools among those given, never more', () => {
    expect(toolsForScopes(['tool:kb_search', 'tool:unknown_tool'], TOOLS)).toEqual({ all: false, slugs: ['kb_search'] });
    expect(toolsForScopes([groupScope('Support desk')], TOOLS)).toEqual({ all: false, slugs: ['ticket_search', 'ticket_create'] });
    expect(toolsForScopes(['mcp:tools'], TOOLS.slice(0, 1))).toEqual({ all: true, slugs: ['kb_search'] });
    expect(toolsForScopes(['openid'], TOOLS)).toEqual({ all: false, slugs: [] });
  });

  it('lists the catalogue scopes without spaces', () => {
    expect(scopesForCatalogue(TOOLS)).toEqual(['mcp:tools', 'tools:group:knowledge', 'tools:group:support-desk', 'tool:kb_search', 'tool:ticket_search', 'tool:ticket_create']);
  });

  it.each([
    ['mcp:tools', { kind: 'all' }],
    ['tool:kb_search', { kind: 'tool', slug: 'kb_search' }],
    ['tools:group:support-desk', { kind: 'group', key: 'support-desk' }],
    ['tools:group:', null],
    ['tools:group:Support desk', null],
    ['tools:group:-x', null],
    ['tools:knowledge', null],
    ['tool:Bad-Slug', null],
    ['openid', null],
  ])('parses the scope token %j', (scope, expected) => {
    expect(parseToolsScope(scope)).toEqual(expected);
  });

  it('an unknown group names no tool; groups are only the categories holding a given tool', () => {
    expect(toolsForScopes(['tools:group:finance'], TOOLS)).toEqual({ all: false, slugs: [] });
    expect(toolGroups(TOOLS.slice(0, 2))).toEqual([{ key: 'knowledge', category: 'Knowledge', slugs: ['kb_search'] }, { key: 'support-desk', category: 'Support desk', slugs: ['ticket_search'] }]);
    expect(requestedChoice(['tools:group:support-desk', 'tools:group:finance', 'tool:kb_search', 'tool:nope'], TOOLS)).toEqual({ all: false, slugs: ['kb_search'], groups: ['support-desk'] });
    expect(requestedChoice(['mcp:tools', 'tool:kb_search'], TOOLS)).toEqual({ all: true, slugs: [], groups: [] });
    expect(choiceLabel('tools:group:support-desk')).toBe('All support-desk tools');
    expect(choiceLabel('kb_search')).toBe('kb_search');
  });

  it('the consent input takes group keys, one or many, and refuses anything else', () => {
    expect(ZConsentDecisionInput.parse({ uid: 'abcdefghijkl', decision: 'allow', groups: 'knowledge' }).groups).toEqual(['knowledge']);
    expect(ZConsentDecisionInput.safeParse({ uid: 'abcdefghijkl', decision: 'allow', groups: ['Knowledge base'] }).error?.issues[0]?.message).toBe('Unknown tool group.');
  });
});

describe('redirect URIs', () => {
  it.each([
    ['https://claude.ai/api/mcp/auth_callback', null],
    ['http://127.0.0.1:33418/cb', null],
    ['http://[::1]:33418/cb', null],
    ['http://localhost/cb', null],
    ['vscode://vscode.github-authentication/did-authenticate', null],
    ['http://example.com/cb', 'Plain http redirect URIs are only allowed on a loopback address (localhost, 127.0.0.1, [::1]).'],
    ['javascript:alert(1)', 'The javascript scheme is not allowed in a redirect URI.'],
    ['data:text/html,x', 'The data scheme is not allowed in a redirect URI.'],
    ['https://a.example/cb#x', 'A redirect URI must not contain a fragment (#).'],
    ['https://user:pw@a.example/cb', 'A redirect URI must not contain a user name or password.'],
    ['not a url', '"not a url" is not a valid URL.'],
  ])('%s', (uri, expected) => {
    expect(redirectUriProblem(uri)).toBe(expected);
  });

  it('names the field of a client metadata problem', () => {
    expect(clientMetadataProblem({ redirect_uris: ['https://a.example/cb'], response_types: ['token'] })).toBe('response_types: Only the code response type is supported.');
    expect(clientMetadataProblem({ redirect_uris: ['https://a.example/cb'] })).toBeNull();
  });
});

describe('routing', () => {
  it('hands the authorization server its paths, and leaves the consent page to Next', () => {
    expect(isOAuthPath('/oauth/token')).toBe(true);
    expect(isOAuthPath('/oauth/authorize?client_id=x')).toBe(true);
    expect(isOAuthPath('/.well-known/oauth-authorization-server')).toBe(true);
    expect(isOAuthPath('/.well-known/openid-configuration')).toBe(true);
    expect(isOAuthPath('/oauth/consent/abc')).toBe(false);
    expect(isOAuthPath('/.well-known/oauth-protected-resource/mcp')).toBe(false);
    expect(isOAuthPath('/oauthx')).toBe(false);
    expect(isOAuthPath(undefined)).toBe(false);
  });
});
