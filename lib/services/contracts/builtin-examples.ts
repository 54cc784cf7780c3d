// The contract examples of the nine built-in tools, stored on each built-in version by the seed
// (lib/server/seed/catalogue.ts) and run in CI by `npm run tools:contract` against the demo tenant's data.
// They run offline: network tools are checked on their refusals (egress allowlist, input), e-mail is never sent,
// database writes are rolled back.
import type { TContractExamples } from '@/lib/schemas/contracts';

export const BUILTIN_CONTRACT_EXAMPLES: Record<string, TContractExamples> = {
  kb_search: [
    { name: 'finds the refund policy', input: { query: 'refund', limit: 3 },
      expect: { outcome: 'success', outputSchema: { type: 'object', required: ['articles'], properties: { articles: { type: 'array', minItems: 1, maxItems: 3 } } },
        values: [{ path: '/articles/0/title', pattern: 'Refund' }, { path: '/articles/0/snippet', pattern: '\\*\\*[Rr]efund' }] } },
    { name: 'refuses a one-letter query', input: { query: 'a' }, expect: { outcome: 'error', messagePattern: 'query' } },
  ],
  sql_query: [
    { name: 'counts the customers', input: { sql: 'SELECT count(*) AS n FROM customers' },
      expect: { outcome: 'success', values: [{ path: '/columns', equals: ['n'] }, { path: '/rowCount', equals: 1 }, { path: '/rows/0/n', pattern: '^[1-9][0-9]*$' }, { path: '/truncated', equals: false }] } },
    { name: 'refuses a write', input: { sql: 'DELETE FROM customers' }, expect: { outcome: 'error', messagePattern: 'read-only|SELECT' } },
  ],
  http_fetch: [
    { name: 'refuses a host off the egress allowlist', input: { url: 'https://not-on-the-allowlist.invalid/' }, expect: { outcome: 'error', messagePattern: "not on the tenant's egress allowlist" } },
    { name: 'refuses a non-http URL', input: { url: 'ftp://example.com/file' }, expect: { outcome: 'error', messagePattern: 'Invalid arguments' } },
  ],
  ticket_search: [
    { name: 'lists open tickets', input: { status: 'open', limit: 5 },
      expect: { outcome: 'success', values: [{ path: '/tickets', minItems: 1 }, { path: '/tickets/0/status', equals: 'open' }] } },
    { name: 'refuses a limit of 0', input: { limit: 0 }, expect: { outcome: 'error', messagePattern: 'limit' } },
  ],
  ticket_create: [
    { name: 'creates an open ticket (rolled back)', input: { title: 'Printer out of toner', body: 'Floor 3 printer.', requester: 'someone@example.com' },
      expect: { outcome: 'success', values: [{ path: '/ticket/title', equals: 'Printer out of toner' }, { path: '/ticket/status', equals: 'open' }, { path: '/ticket/priority', equals: 'normal' }] } },
    { name: 'refuses a requester that is not an e-mail address', input: { title: 'Broken', body: 'x', requester: 'not-an-email' }, expect: { outcome: 'error', messagePattern: 'requester' } },
  ],
  github_search_issues: [
    { name: 'refuses an empty query', input: { query: '' }, expect: { outcome: 'error', messagePattern: 'query' } },
    { name: 'refuses a limit over 50', input: { query: 'is:open', limit: 51 }, expect: { outcome: 'error', messagePattern: 'limit' } },
  ],
  email_send: [
    { name: 'refuses a message without recipients', input: { to: [], subject: 'Hello', text: 'Hi' }, expect: { outcome: 'error', messagePattern: 'to' } },
    { name: 'refuses an invalid recipient', input: { to: ['nobody'], subject: 'Hello', text: 'Hi' }, expect: { outcome: 'error', messagePattern: 'to' } },
  ],
  payment_refund: [
    { name: 'refuses an unknown invoice', input: { invoiceId: 987654321, amount: 10, reason: 'Duplicate charge' }, expect: { outcome: 'error', messagePattern: 'does not exist' } },
    { name: 'refuses a negative amount', input: { invoiceId: 1, amount: -5, reason: 'Duplicate charge' }, expect: { outcome: 'error', messagePattern: 'amount' } },
  ],
  record_delete: [
    { name: 'refuses an unknown row', input: { table: 'customers', id: 987654321, reason: 'Test of the contract' }, expect: { outcome: 'error', messagePattern: 'does not exist' } },
    { name: 'refuses a table outside the dataset', input: { table: 'users', id: 1, reason: 'Test of the contract' }, expect: { outcome: 'error', messagePattern: 'table' } },
  ],
};
