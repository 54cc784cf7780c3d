import { Timer } from 'lucide-react';
import { StatCard } from '@/components/ui/stat-card';

export interface TimeToIntegrateView {
  days: number;
  medianHours: number | null;
  p90Hours: number | null;
  integrated: number;
  waiting: number;
}

/** "3.5 h" under two days, "4.2 days" beyond. */
export function formatDuration(hours: number): string {
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

export function TimeToIntegrateCard({ kpi }: { kpi: TimeToIntegrateView }) {
  const value = kpi.medianHours === null ? '—' : formatDuration(kpi.medianHours);
  const hint = kpi.medianHours === null
    ? `No request reached its first activation in the last ${kpi.days} days${kpi.waiting ? ` (${kpi.waiting} published, waiting)` : ''}.`
    : `Median submission → first activation, ${kpi.integrated} request${kpi.integrated === 1 ? '' : 's'} in ${kpi.days} days` +
      `${kpi.p90Hours !== null ? ` · p90 ${formatDuration(kpi.p90Hours)}` : ''}${kpi.waiting ? ` · ${kpi.waiting} waiting` : ''}. Goal: 1 day.`;
  return <StatCard label="Time to integrate" value={value} hint={hint} icon={<Timer />} data-testid="kpi-time-to-integrate" />;
}
