// In-app notifications: list and mark-read inputs, the DTO the bell shows. Isomorphic.
import { z } from 'zod';

export const ZFindNotificationsInput = z.object({
  unread: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(false).describe('Only unread notifications'),
  limit: z.coerce.number().int().min(1).max(100).default(10).describe('How many, newest first'),
});
export type TFindNotificationsInput = z.infer<typeof ZFindNotificationsInput>;

export const ZMarkNotificationsReadInput = z.object({
  ids: z.array(z.string().min(1).max(64)).max(200).optional().describe('Notifications to mark read; omitted: all of mine'),
});
export type TMarkNotificationsReadInput = z.infer<typeof ZMarkNotificationsReadInput>;

export const ZNotificationDto = z.object({
  id: z.string(), kind: z.string(), title: z.string(), body: z.string(), href: z.string().nullable(), read: z.boolean(), createdAt: z.string(),
});
export type TNotificationDto = z.infer<typeof ZNotificationDto>;
