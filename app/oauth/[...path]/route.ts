// The OAuth authorization server (lib/server/oauth) under `next dev`; `npm start` serves this path before Next.
import { relayToOAuth } from '@/lib/server/oauth/fetch-bridge';

export const dynamic = 'force-dynamic';

export const GET = relayToOAuth;
export const POST = relayToOAuth;
export const OPTIONS = relayToOAuth;
export const DELETE = relayToOAuth;
export const PUT = relayToOAuth;
