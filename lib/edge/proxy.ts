// What every page and API answer shares, applied by proxy.ts (Next 16's successor of middleware):
// - browser security headers: a per-request nonce Content-Security-Policy (Next puts the nonce on its own scripts;
//   the root layout reads headers, so every page renders per request), Permissions-Policy, and HSTS when the public
//   URL is https;
// - cross-site requests refused on state-changing /api/v1 routes (server actions have Next's own Origin check): a
//   browser's Sec-Fetch-Site must say same-origin, or its Origin must be this server's; non-browser clients send
//   neither and keep working with their credentials.
// /mcp never reaches it in production (scripts/serve.ts answers it first) and has its own Origin check.
import { NextResponse, type NextRequest } from 'next/server';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes and chart libraries set inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origin the browser sent this request to (the public URL, or the Host it addressed). */
function ownOrigins(req: NextRequest): Set<string> {
  const out = new Set<string>();
  const configured = process.env.NEXTAUTH_URL;
  if (configured) out.add(new URL(configured).origin);
  const host = req.headers.get('host');
  if (host) out.add(`${configured ? new URL(configured).protocol : req.nextUrl.protocol}//${host}`.toLowerCase());
  return out;
}

export function crossSiteRefusal(req: NextRequest): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return `Cross-site request refused (Sec-Fetch-Site: ${site}).`;
  const origin = req.headers.get('origin');
  if (origin && !ownOrigins(req).has(origin.toLowerCase())) return `Cross-site request refused (Origin ${origin} is not this site).`;
  return null;
}

export function edgeProxy(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith('/api/v1/')) {
    const refusal = crossSiteRefusal(req);
    if (refusal) return NextResponse.json({ error: { code: 'FORBIDDEN', message: refusal } }, { status: 403 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('content-security-policy', csp);
  res.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()');
  if (process.env.NEXTAUTH_URL?.startsWith('https://')) res.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return res;
}
