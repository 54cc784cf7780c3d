import { Ban, Check, Minus, Percent, Skull } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { TEffectiveDto } from '@/lib/schemas/activation-view';

const SOURCE_LABELS: Record<TEffectiveDto['source'], string> = {
  killed_global: 'killed everywhere',
  killed_tenant: 'kill switch',
  lifecycle: 'not published',
  user: 'user rule',
  team: 'team rule',
  tenant: 'tenant rule',
  rollout: 'rollout',
  default: 'no rule',
  pin: 'version pin',
  scope: 'token scope',
};

export const sourceLabel = (s: TEffectiveDto['source']) => SOURCE_LABELS[s];

/** The effective state of a tool for a subject: on/off, with the level that decided it. */
export function EffectiveBadge({ effective, compact }: { effective: TEffectiveDto; compact?: boolean }) {
  const killed = effective.source === 'killed_global' || effective.source === 'killed_tenant';
  const Icon = killed ? Skull : effective.enabled ? Check : effective.source === 'rollout' ? Percent : effective.source === 'default' ? Minus : Ban;
  return (
    <Badge variant={effective.enabled ? 'success' : killed ? 'destructive' : 'muted'} title={effective.reason}>
      <Icon aria-hidden />
      {effective.enabled ? 'On' : 'Off'}
      {compact ? null : <span className="font-normal opacity-80">· {SOURCE_LABELS[effective.source]}</span>}
    </Badge>
  );
}
