// The status of an approval and the risk of its tool, as badges.
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { APPROVAL_STATUS_LABELS, type ApprovalView, type TApprovalStatus } from '@/lib/schemas/approvals';

const STATUS_VARIANTS: Record<TApprovalStatus, BadgeVariant> = {
  pending: 'warning',
  approved: 'info',
  executing: 'info',
  executed: 'success',
  denied: 'destructive',
  expired: 'muted',
  cancelled: 'muted',
  void: 'muted',
};

export function ApprovalStatusBadge({ approval }: { approval: Pick<ApprovalView, 'status' | 'outcomeUnknown'> }) {
  if (approval.outcomeUnknown) {
    return (
      <Badge variant="destructive" dot data-testid="approval-status" title="The call started and never reported back: it may or may not have happened. Check the target system.">
        Outcome unknown
      </Badge>
    );
  }
  return (
    <Badge variant={STATUS_VARIANTS[approval.status]} dot data-testid="approval-status">
      {APPROVAL_STATUS_LABELS[approval.status]}
    </Badge>
  );
}

const RISKS = new Set(['low', 'medium', 'high', 'critical']);

export function RiskBadge({ tool }: { tool: ApprovalView['tool'] }) {
  const level = RISKS.has(tool.riskLevel) ? (tool.riskLevel as 'low' | 'medium' | 'high' | 'critical') : 'outline';
  return (
    <Badge variant={level}>
      {tool.riskLevel} risk{tool.critical && tool.riskLevel !== 'critical' ? ' · critical action' : ''}
    </Badge>
  );
}
