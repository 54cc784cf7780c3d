'use client';

import * as React from 'react';
import * as R from 'recharts';
import { cn } from '@/lib/utils';

export type ChartSeries = { key: string; label: string; color?: string };
export type ChartDatum = Record<string, string | number | null | undefined>;

export type ChartProps = {
  data: readonly ChartDatum[];
  /** Field used for the category / x axis. */
  xKey: string;
  /** Header for the x column of the screen-reader data table (defaults to xKey). */
  xLabel?: string;
  series: readonly ChartSeries[];
  /** Pixel height; width is responsive. */
  height?: number;
  /** Accessible name (figure caption). Visually hidden unless `showTitle`. */
  title: string;
  description?: string;
  showTitle?: boolean;
  valueFormatter?: (value: number) => string;
  xFormatter?: (value: string | number) => string;
  className?: string;
};

const colorFor = (s: ChartSeries, i: number) => s.color ?? `var(--chart-${(i % 5) + 1})`;
const axisTick = { fill: 'var(--muted-foreground)', fontSize: 12 };
const tooltipStyle: React.CSSProperties = {
  background: 'var(--popover)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  color: 'var(--popover-foreground)',
  fontSize: 12,
};

function ChartFrame({ props, children }: { props: ChartProps; children: React.ReactElement }) {
  const { data, xKey, xLabel, series, height = 260, title, description, showTitle, valueFormatter, xFormatter, className } = props;
  const id = React.useId();
  const fmtX = (v: unknown) => (xFormatter && (typeof v === 'string' || typeof v === 'number') ? xFormatter(v) : String(v ?? ''));
  const fmtV = (v: unknown) => (typeof v === 'number' ? (valueFormatter ? valueFormatter(v) : v.toLocaleString('en-US')) : '–');
  return (
    <figure aria-labelledby={`${id}-t`} aria-describedby={description ? `${id}-d` : undefined} className={cn('grid gap-2', className)}>
      <figcaption className={showTitle ? 'grid gap-0.5' : 'sr-only'}>
        <span id={`${id}-t`} className="text-sm font-semibold">{title}</span>
        {description ? <span id={`${id}-d`} className="text-xs text-muted-foreground">{description}</span> : null}
      </figcaption>
      <R.ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        {children}
      </R.ResponsiveContainer>
      {/* Text alternative for screen readers. */}
      <table className="sr-only">
        <caption>{title} (data)</caption>
        <thead>
          <tr>
            <th scope="col">{xLabel ?? xKey}</th>
            {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.map((row, i) => (
            <tr key={i}>
              <th scope="row">{fmtX(row[xKey])}</th>
              {series.map((s) => <td key={s.key}>{fmtV(row[s.key])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function axes(props: ChartProps) {
  const { xKey, valueFormatter, xFormatter, series } = props;
  const fmt = (v: unknown) => (typeof v === 'number' && valueFormatter ? valueFormatter(v) : String(v));
  return [
    <R.CartesianGrid key="grid" strokeDasharray="3 3" stroke="var(--border)" vertical={false} />,
    <R.XAxis key="x" dataKey={xKey} tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border)' }} tickFormatter={xFormatter} minTickGap={16} />,
    <R.YAxis key="y" tick={axisTick} tickLine={false} axisLine={false} width={48} tickFormatter={fmt} />,
    <R.Tooltip key="tip" contentStyle={tooltipStyle} labelFormatter={(l) => (xFormatter && (typeof l === 'string' || typeof l === 'number') ? xFormatter(l) : String(l))} formatter={(v) => fmt(v)} />,
    series.length > 1 ? <R.Legend key="legend" wrapperStyle={{ fontSize: 12 }} /> : null,
  ];
}

export function LineChart(props: ChartProps) {
  return (
    <ChartFrame props={props}>
      <R.LineChart data={[...props.data]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {axes(props)}
        {props.series.map((s, i) => (
          <R.Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={colorFor(s, i)} strokeWidth={2} dot={false} activeDot={{ r: 4 }} isAnimationActive={false} />
        ))}
      </R.LineChart>
    </ChartFrame>
  );
}

export type BarChartProps = ChartProps & { stacked?: boolean };

export function BarChart(props: BarChartProps) {
  return (
    <ChartFrame props={props}>
      <R.BarChart data={[...props.data]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        {axes(props)}
        {props.series.map((s, i) => (
          <R.Bar key={s.key} dataKey={s.key} name={s.label} fill={colorFor(s, i)} stackId={props.stacked ? 'stack' : undefined} radius={props.stacked ? 0 : [3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
        ))}
      </R.BarChart>
    </ChartFrame>
  );
}
