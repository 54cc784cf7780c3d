import { Badge } from '@/components/ui/badge';
import { REQUEST_STATUS_LABELS, type TToolRequestStatus } from '@/lib/schemas/tool-request';

const VARIANT: Record<TToolRequestStatus, 'muted' | 'info' | 'warning' | 'success' | 'destructive' | 'secondary'> = {
  draft: 'muted', submitted: 'info', in_review: 'info', changes_requested: 'warning', approved: 'success', rejected: 'destructive', published: 'success', deprecated: 'secondary',
};

export function StatusBadge({ status }: { status: TToolRequestStatus }) {
  return <Badge variant={VARIANT[status]} data-testid="request-status">{REQUEST_STATUS_LABELS[status]}</Badge>;
}
