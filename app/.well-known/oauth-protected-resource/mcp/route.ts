// RFC 9728 Protected Resource Metadata for /mcp: agents present a Bearer agent token issued in Settings → Agent tokens.
import { PROTECTED_RESOURCE_PATH, publicOrigin } from '@/mcp-server/http';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const origin = publicOrigin(req);
  return Response.json(
    {
      resource: `${origin}/mcp`,
      authorization_servers: [],
      bearer_methods_supported: ['header'],
      resource_name: 'Governed MCP tool platform',
      resource_documentation: `${origin}/settings/tokens`,
      scopes_supported: [],
    },
    { headers: { 'cache-control': 'public, max-age=300', 'x-metadata-path': PROTECTED_RESOURCE_PATH } },
  );
}
