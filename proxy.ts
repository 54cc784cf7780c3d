// Next's request proxy: security headers and the cross-site check of /api/v1 (lib/edge/proxy.ts).
import { edgeProxy } from '@/lib/edge/proxy';

export const proxy = edgeProxy;

export const config = {
  // Not the build's static files (immutable, no HTML); everything else, API routes included.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
