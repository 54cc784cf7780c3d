'use client';
// Horizontal bars: one row per category (tool, tenant), so long names stay readable on the category axis and never
// overlap, whatever their number (the chart grows with the rows).
import * as R from 'recharts';

export interface HBarSeries { key: string; label: string; color?: string }

interface Props {
  title: string;
  description?: string;
  data: Record<string, string | number | null>[];
  categoryKey: string;
  categoryLabel: string;
  series: HBarSeries[];
  format: (n: number) => string;
}

const tick = { fill: 'var(--muted-foreground)', fontSize: 12 };

export function HBarChart({ title, description, data, categoryKey, categoryLabel, series, format }: Props) {
  const longest = Math.max(...data.map((d) => String(d[categoryKey] ?? '').length), 4);
  const height = 56 + data.length * Math.max(28, series.length * 16 + 12);
  return (
    <figure className="grid gap-2" data-testid="chart">
      <figcaption className="sr-only">{title}{description ? `. ${description}` : ''}</figcaption>
      <R.ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <R.BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <R.CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
          <R.XAxis type="number" tick={tick} tickLine={false} axisLine={{ stroke: 'var(--border)' }} tickFormatter={(v: number) => format(v)} minTickGap={24} />
          <R.YAxis type="category" dataKey={categoryKey} tick={tick} tickLine={false} axisLine={false} width={Math.min(200, 16 + longest * 7.5)} interval={0} />
          <R.Tooltip cursor={{ fill: 'var(--muted)' }} contentStyle={{ background: 'var(--popover)', border: '1px solid var(--border)', borderRadius: 6, fontSize: 12 }} formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
          {series.length > 1 ? <R.Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {series.map((s, i) => (
            <R.Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color ?? `var(--chart-${(i % 5) + 1})`} radius={[0, 3, 3, 0]} maxBarSize={18} isAnimationActive={false} />
          ))}
        </R.BarChart>
      </R.ResponsiveContainer>
      <table className="sr-only">
        <caption>{title} (data)</caption>
        <thead><tr><th scope="col">{categoryLabel}</th>{series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}</tr></thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={i}><th scope="row">{String(d[categoryKey])}</th>{series.map((s) => <td key={s.key}>{typeof d[s.key] === 'number' ? format(d[s.key] as number) : '—'}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
