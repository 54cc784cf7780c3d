import 'server-only';
// The built-in tools' executors, keyed by catalogue slug (lib/schemas/builtin-tools.ts holds their contracts).
import { emailSend } from './email-send';
import { githubSearchIssues } from './github-search-issues';
import { httpFetch } from './http-fetch';
import { kbSearch } from './kb-search';
import { paymentRefund } from './payment-refund';
import { recordDelete } from './record-delete';
import { sqlQuery } from './sql-query';
import { ticketCreate } from './ticket-create';
import { ticketSearch } from './ticket-search';
import type { ToolExecutor } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each executor has its own input/output types
export const BUILTIN_EXECUTORS: Record<string, ToolExecutor<any, any>> = Object.fromEntries(
  [kbSearch, sqlQuery, httpFetch, ticketSearch, ticketCreate, githubSearchIssues, emailSend, paymentRefund, recordDelete].map((e) => [e.slug, e]),
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function executorFor(slug: string): ToolExecutor<any, any> | undefined {
  return Object.hasOwn(BUILTIN_EXECUTORS, slug) ? BUILTIN_EXECUTORS[slug] : undefined;
}
