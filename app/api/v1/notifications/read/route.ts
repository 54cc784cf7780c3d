// POST /api/v1/notifications/read {"ids"?: string[]} — marks mine read (all when ids is omitted).
import { AppError } from '@/lib/errors';
import { ZMarkNotificationsReadInput } from '@/lib/schemas/notifications';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runRoute } from '@/lib/server/boundary';
import { markNotificationsRead } from '@/lib/services/notifications/mark-notifications-read';

export const dynamic = 'force-dynamic';

export function POST(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const body: unknown = await req.json().catch(() => {
      throw new AppError('BAD_REQUEST', { userMessage: 'The body must be JSON, e.g. {} or {"ids":["…"]}.' });
    });
    return markNotificationsRead({ actor, ...parseInput(ZMarkNotificationsReadInput, body) });
  });
}
