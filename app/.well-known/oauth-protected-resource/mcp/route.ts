// RFC 9728 Protected Resource Metadata for /mcp: MCP clients find the authorization server here (OAuth 2.1, see
// lib/server/oauth); agents may also present a Bearer agent token issued in Settings → Agent tokens.
import { SCOPE_ALL_TOOLS } from '@/lib/schemas/oauth';
import { oauthIssuer } from '@/lib/server/oauth/config';
import { PROTECTED_RESOURCE_PATH, publicOrigin } from '@/mcp-server/http';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const origin = publicOrigin(req);
  return Response.json(
    {
      resource: `${origin}/mcp`,
      authorization_servers: [oauthIssuer()],
      bearer_methods_supported: ['header'],
      resource_name: 'Governed MCP tool platform',
      resource_documentation: `${origin}/connected-apps`,
      scopes_supported: [SCOPE_ALL_TOOLS],
    },
    { headers: { 'cache-control': 'public, max-age=300', 'x-metadata-path': PROTECTED_RESOURCE_PATH, 'access-control-allow-origin': '*' } },
  );
}
