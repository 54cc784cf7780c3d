import Link from 'next/link';
import { PackageSearch } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, TableCaption, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { LIFECYCLE_LABELS, type TToolSummary } from '@/lib/schemas/catalogue';
import { CLASS_LABELS, LIFECYCLE_VARIANT, RISK_LABELS } from './labels';

interface Result { items: TToolSummary[]; total: number; page: number; pageSize: number; pageCount: number; hasTenant: boolean }

export function ToolTable({ result, params }: { result: Result; params: string }) {
  if (result.items.length === 0) {
    return (
      <EmptyState icon={<PackageSearch />} title="No tool matches" description="Change the search or the filters. If the tool you need does not exist yet, request it: most are reviewed within a day."
        action={<><Button variant="outline" asChild><Link href="/catalogue">Reset filters</Link></Button><Button asChild><Link href="/requests/new">Request a tool</Link></Button></>} />
    );
  }
  return (
    <div className="space-y-3">
      <Table aria-label="Tools">
        <TableCaption className="sr-only">Tools matching the filters, {result.total} in all</TableCaption>
        <THead>
          <TR><TH>Tool</TH><TH>Owner team</TH><TH>Risk</TH><TH>Data</TH><TH>Access</TH><TH>Status</TH>{result.hasTenant ? <TH>For me</TH> : null}</TR>
        </THead>
        <TBody>
          {result.items.map((t) => (
            <TR key={t.id}>
              <TD className="max-w-md">
                <Link href={`/catalogue/${t.slug}`} className="font-medium text-primary underline-offset-4 hover:underline"><code>{t.slug}</code></Link>
                <div className="text-sm">{t.title}</div>
                <div className="line-clamp-1 text-xs text-muted-foreground">{t.description}</div>
              </TD>
              <TD>{t.ownerTeam}<div className="text-xs text-muted-foreground">{t.category}</div></TD>
              <TD><Badge variant={t.riskLevel}>{RISK_LABELS[t.riskLevel]}</Badge>{t.critical ? <div className="mt-1 text-xs text-muted-foreground">approval needed</div> : null}</TD>
              <TD>{CLASS_LABELS[t.dataClassification]}</TD>
              <TD>{t.readOnly ? <Badge variant="muted">Read-only</Badge> : <Badge variant="warning">Writes</Badge>}</TD>
              <TD>
                <Badge variant={LIFECYCLE_VARIANT[t.lifecycle]}>{LIFECYCLE_LABELS[t.lifecycle]}</Badge>
                {t.killedGlobally ? <div className="mt-1"><Badge variant="destructive">Killed</Badge></div> : null}
              </TD>
              {result.hasTenant ? <TD>{t.enabledForMe ? <Badge variant="success">Enabled</Badge> : <span className="text-xs text-muted-foreground">Not enabled</span>}</TD> : null}
            </TR>
          ))}
        </TBody>
      </Table>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} query={params} label="Catalogue pages" />
    </div>
  );
}
