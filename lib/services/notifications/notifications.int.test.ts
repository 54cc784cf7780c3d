// Notifications: a request change notifies the requester and the reviewers (never the actor), in the same
// transaction; each user lists and marks only their own.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { createToolRequest } from '@/lib/services/tool-requests/create-tool-request';
import { requestChanges } from '@/lib/services/tool-requests/request-changes';
import { startReview } from '@/lib/services/tool-requests/start-review';
import { actorFor } from '@/lib/testing/actors';
import { findNotifications } from './find-notifications';
import { markNotificationsRead } from './mark-notifications-read';

let requester: Actor, reviewer: Actor, reviewer2: Actor;
beforeAll(async () => {
  [requester, reviewer, reviewer2] = await Promise.all([actorFor('requester@acme.example'), actorFor('reviewer@example.com'), actorFor('reviewer2@example.com')]);
});

describe('notifications', () => {
  it('each change notifies the requester and the reviewers, not the actor; marking read is per user', async () => {
    const title = `Notify me ${Date.now().toString(36)}`;
    const { id } = await createToolRequest({
      actor: requester, submit: true, title, useCase: 'Finance analysts read invoices while closing the month.', workflow: 'finance', ownerTeam: 'Finance',
      dataConsulted: 'invoices', dataWritten: '', dataClassification: 'internal', externalHosts: [], writeActions: false, criticalActions: false, expectedVolume: 10, requestedScopes: [],
    });
    const db = await getDb();
    const forReviewer2 = await db.notification.findMany({ where: { userId: reviewer2.id, title: `New request: ${title}` } });
    expect(forReviewer2).toHaveLength(1);
    expect(forReviewer2[0]?.href).toBe(`/reviews/${id}`);
    expect(await db.notification.count({ where: { userId: requester.id, title: `New request: ${title}` } })).toBe(0); // the actor is not notified

    await startReview({ actor: reviewer, id });
    await requestChanges({ actor: reviewer, id, reason: 'Name the invoice fields you need.' });
    const mine = await findNotifications({ actor: requester, unread: true, limit: 50 });
    const change = mine.items.find((n) => n.title === `Changes requested: ${title}`);
    expect(change).toMatchObject({ href: `/requests/${id}`, body: 'Name the invoice fields you need.', read: false });
    expect(mine.unreadCount).toBeGreaterThanOrEqual(2);

    const before = (await findNotifications({ actor: reviewer2, unread: true, limit: 100 })).unreadCount;
    const r = await markNotificationsRead({ actor: requester, ids: [change!.id, ...(forReviewer2.map((n) => n.id))] });
    expect(r.marked).toBe(1); // another user's id is ignored
    expect((await findNotifications({ actor: reviewer2, unread: true, limit: 100 })).unreadCount).toBe(before);
    const all = await markNotificationsRead({ actor: requester });
    expect(all.unreadCount).toBe(0);
    expect((await findNotifications({ actor: requester, unread: true, limit: 10 })).items).toEqual([]);
  });
});
