import 'server-only';
// Request ids and /mcp audit record ids: UUIDv7 (RFC 9562), time-ordered. The audit table is append-only and grows
// without bound; random ids (v4) would insert each record into a random leaf page of the primary-key and
// request-id indexes (a page read once the index outgrows memory, and a full-page image in the WAL after every
// checkpoint). Time-ordered ids insert at the right edge of both indexes. Within a process they are strictly
// increasing; across replicas they are ordered to the millisecond. The rest of the id is random (74 bits).
import { v7 } from 'uuid';

/** A new request id: returned to callers, and finds the audit records of what the request did. */
export const newRequestId = (): string => v7();

/** A new AuditEvent id for rows written outside Prisma (the /mcp hot path). */
export const newAuditId = (): string => v7();
