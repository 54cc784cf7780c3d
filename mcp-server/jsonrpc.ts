// JSON-RPC error bodies for answers given before the MCP transport runs (405, 403, 401…).
export const JSONRPC = { PARSE_ERROR: -32700, INVALID_REQUEST: -32600, METHOD_NOT_FOUND: -32601, INVALID_PARAMS: -32602, INTERNAL: -32603, SERVER_ERROR: -32000 } as const;

export function jsonRpcErrorResponse(status: number, code: number, message: string, opts: { requestId: string; headers?: Record<string, string>; id?: string | number | null; data?: Record<string, unknown> }): Response {
  const body = { jsonrpc: '2.0', id: opts.id ?? null, error: { code, message, data: { requestId: opts.requestId, ...opts.data } } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': opts.requestId, 'cache-control': 'no-store', ...opts.headers },
  });
}
