// The MCP endpoint agents call. The server lives in mcp-server/.
import { handleMcpRequest } from '@/mcp-server/http';

export const dynamic = 'force-dynamic';

const handler = (req: Request) => handleMcpRequest(req);
export { handler as POST, handler as GET, handler as DELETE, handler as PUT, handler as PATCH };
