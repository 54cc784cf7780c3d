import { Badge } from '@/components/ui/badge';
import type { TAuditEventDto } from '@/lib/schemas/audit';

const VARIANT = { success: 'success', denied: 'warning', error: 'destructive', pending_approval: 'info' } as const;

export function OutcomeBadge({ outcome }: { outcome: TAuditEventDto['outcome'] }) {
  return <Badge variant={VARIANT[outcome]}>{outcome.replace('_', ' ')}</Badge>;
}
