// The explainable risk score: each factor with its weight, the total, the level and how many reviewers it needs.
import { Badge } from '@/components/ui/badge';
import { LEVEL_THRESHOLDS } from '@/lib/risk';
import type { TRiskFactor, TRiskLevel } from '@/lib/schemas/tool-request';

export function RiskPanel({ score, level, factors, requiredApprovals, live }: { score: number; level: TRiskLevel; factors: TRiskFactor[]; requiredApprovals: number; live?: boolean }) {
  return (
    <section aria-labelledby="risk-title" className="rounded-lg border border-border bg-card p-4" data-testid="risk-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 id="risk-title" className="text-base font-semibold">Risk score{live ? ' (live)' : ''}</h2>
        <Badge variant={level} data-testid="risk-level">{level}</Badge>
      </div>
      <p className="mt-1 text-3xl font-semibold tabular-nums" aria-live={live ? 'polite' : undefined} data-testid="risk-score">{score}<span className="text-base font-normal text-muted-foreground"> / 100</span></p>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">Risk factors and their weights</caption>
        <thead><tr className="text-left text-xs text-muted-foreground"><th scope="col" className="font-medium">Factor</th><th scope="col" className="text-right font-medium">Weight</th></tr></thead>
        <tbody>
          {factors.map((f) => (
            <tr key={f.code} className="border-t border-border align-top">
              <td className="py-1.5"><div className="font-medium">{f.label}</div><div className="text-xs text-muted-foreground">{f.detail}</div></td>
              <td className="py-1.5 text-right tabular-nums">+{f.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-muted-foreground">
        Levels: {[...LEVEL_THRESHOLDS].reverse().map((t) => `${t.level} ≥ ${t.min}`).join(' · ')}. {requiredApprovals > 1 ? <strong>High and critical risk need two different reviewers&apos; approvals.</strong> : 'One reviewer approves low and medium risk.'}
      </p>
    </section>
  );
}
