// GET /api/v1/notifications?unread=true&limit=10 — the signed-in user's notifications and unread count (the bell).
import { ZFindNotificationsInput } from '@/lib/schemas/notifications';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { findNotifications } from '@/lib/services/notifications/find-notifications';
import { parseQuery } from '../tools/parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return findNotifications({ actor, ...parseQuery(ZFindNotificationsInput, req.url) });
  });
}
