import { describe, expect, it } from 'vitest';
import { clientMetadataProblem, groupScope, redirectUriProblem, scopesForCatalogue, toolsForScopes } from './oauth';
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
    expect(scopesForCatalogue(TOOLS)).toEqual(['mcp:tools', 'tools:knowledge', 'tools:support-desk', 'tool:kb_search', 'tool:ticket_search', 'tool:ticket_create']);
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
