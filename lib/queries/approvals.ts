// TanStack Query options for the approval inbox and the navigation badge (client). Both poll every 2 s: a held
// call is waiting for a person, and the agent waits with it.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ApprovalPage, ApprovalView, TApprovalDecisionInput } from '@/lib/schemas/approvals';

export const APPROVALS_POLL_MS = 2_000;

export interface ApprovalFilters {
  status: 'pending' | 'decided';
  q: string;
}

/** A refused call's message, as the API words it (`{ error: { message, fieldErrors } }`). */
export class ApprovalRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ApprovalRequestError';
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) } });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; fieldErrors?: Record<string, string[]> } } | null;
  if (!res.ok) throw new ApprovalRequestError(body?.error?.message ?? `The request failed (${res.status}).`, res.status, body?.error?.fieldErrors);
  return body as T;
}

export const approvalKeys = {
  all: ['approvals'] as const,
  list: (filters: ApprovalFilters) => ['approvals', 'list', filters] as const,
  detail: (id: string) => ['approvals', 'detail', id] as const,
  count: ['approvals', 'count'] as const,
};

/** One page after another ("Load more"): every loaded page is refetched on each poll, so decided rows update too. */
export const approvalListQuery = (filters: ApprovalFilters, limit = 20) =>
  infiniteQueryOptions({
    queryKey: approvalKeys.list(filters),
    queryFn: ({ pageParam }) => {
      const sp = new URLSearchParams({ status: filters.status, limit: String(limit) });
      if (filters.q) sp.set('q', filters.q);
      if (pageParam) sp.set('cursor', pageParam);
      return call<ApprovalPage>(`/api/v1/approvals?${sp.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: APPROVALS_POLL_MS,
    refetchOnWindowFocus: true,
  });

export const approvalQuery = (id: string) =>
  queryOptions({
    queryKey: approvalKeys.detail(id),
    queryFn: () => call<ApprovalView>(`/api/v1/approvals/${encodeURIComponent(id)}`),
    refetchInterval: APPROVALS_POLL_MS,
    retry: false,
  });

export const pendingApprovalCountQuery = () =>
  queryOptions({
    queryKey: approvalKeys.count,
    queryFn: async () => (await call<{ pending: number }>('/api/v1/approvals/count')).pending,
    refetchInterval: APPROVALS_POLL_MS,
    refetchOnWindowFocus: true,
  });

export function decideApproval(id: string, input: TApprovalDecisionInput): Promise<ApprovalView> {
  return call<ApprovalView>(`/api/v1/approvals/${encodeURIComponent(id)}/decision`, { method: 'POST', body: JSON.stringify(input) });
}

export async function revealApprovalArguments(id: string): Promise<Record<string, unknown>> {
  return (await call<{ arguments: Record<string, unknown> }>(`/api/v1/approvals/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: '{}' })).arguments;
}
