import { requirePagePermission } from '@/lib/server/auth/guard';
import { getDb } from '@/lib/server/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'Catalogue' };

export default async function CataloguePage() {
  await requirePagePermission('catalogue.read');
  const db = await getDb();
  const tools = await db.tool.findMany({ orderBy: { slug: 'asc' }, take: 50 });
  return (
    <>
      <PageHeader title="Tool catalogue" description="Every governed tool, its owner, risk and limits." />
      <Table>
        <THead><TR><TH>Tool</TH><TH>Owner</TH><TH>Risk</TH><TH>Status</TH></TR></THead>
        <TBody>
          {tools.map((t) => (
            <TR key={t.id}><TD><code>{t.slug}</code><div className="text-xs text-muted-foreground">{t.title}</div></TD><TD>{t.ownerTeam}</TD><TD><Badge variant={t.riskLevel}>{t.riskLevel}</Badge></TD><TD>{t.lifecycle}</TD></TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}
