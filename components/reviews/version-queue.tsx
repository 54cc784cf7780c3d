import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export interface VersionQueueItem { id: string; version: number; toolSlug: string; toolTitle: string; riskLevel: 'low' | 'medium' | 'high' | 'critical'; author: string | null; createdAt: string; changes: string[] }

export function VersionQueue({ versions }: { versions: VersionQueueItem[] }) {
  if (!versions.length) return <EmptyState headingLevel="h3" title="No tool change to review" />;
  return (
    <Table aria-label="Tool versions awaiting review">
      <THead><TR><TH>Tool</TH><TH>Version</TH><TH>Risk</TH><TH>What changed</TH><TH>Proposed</TH></TR></THead>
      <TBody>
        {versions.map((v) => (
          <TR key={v.id}>
            <TD><Link href={`/reviews/versions/${v.id}`} className="font-medium text-primary underline-offset-4 hover:underline"><code>{v.toolSlug}</code></Link><div className="text-xs text-muted-foreground">{v.toolTitle}</div></TD>
            <TD>v{v.version}</TD>
            <TD><Badge variant={v.riskLevel}>{v.riskLevel}</Badge></TD>
            <TD className="max-w-sm text-xs">{v.changes.join('; ')}</TD>
            <TD className="whitespace-nowrap text-xs">{v.createdAt.slice(0, 16).replace('T', ' ')}{v.author ? <div className="text-muted-foreground">by {v.author}</div> : null}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
