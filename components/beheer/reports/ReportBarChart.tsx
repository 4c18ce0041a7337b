'use client';

import { BarChart, type EventProps } from '@tremor/react';
import { useRouter } from 'next/navigation';
import type { FigureRow, FigureSeries } from './figure';

const INDEX = 'label';
const number = new Intl.NumberFormat('nl-NL');

/**
 * A Tremor bar chart of one figure. Clicking a bar opens the complaints behind it (the same link as in the figure's
 * table). The chart is a picture for sighted mouse users: its accessible name is the figure's caption, and the table
 * beside it carries the same numbers and links for everyone else.
 */
export function ReportBarChart({
  rows,
  series,
  stacked,
  layout,
  label,
  labelWidth,
}: {
  rows: FigureRow[];
  series: FigureSeries[];
  stacked?: boolean;
  layout: 'columns' | 'bars';
  /** The accessible name. */
  label: string;
  /** Room for the row labels when bars run sideways. */
  labelWidth?: number;
}) {
  const router = useRouter();
  const data = rows.map((row) => ({ [INDEX]: row.label, ...Object.fromEntries(series.map((s) => [s.label, row.values[s.key] ?? 0])) }));
  const height = layout === 'bars' ? Math.max(120, rows.length * (stacked || series.length === 1 ? 30 : 44) + 40) : 288;

  function open(event: EventProps) {
    if (!event || event.eventType !== 'bar') return;
    const row = rows.find((r) => r.label === event[INDEX]);
    const serie = series.find((s) => s.label === event.categoryClicked);
    const href = row && serie ? row.hrefs[serie.key] : null;
    if (href) router.push(href);
  }

  return (
    <div role="img" aria-label={label} data-chart="" style={{ height }}>
      <BarChart
        className="h-full"
        data={data}
        index={INDEX}
        categories={series.map((s) => s.label)}
        colors={series.map((s) => s.color)}
        stack={stacked}
        layout={layout === 'bars' ? 'vertical' : 'horizontal'}
        yAxisWidth={layout === 'bars' ? (labelWidth ?? 150) : 40}
        valueFormatter={(value: number) => number.format(value)}
        allowDecimals={false}
        showLegend={false}
        showAnimation={false}
        onValueChange={open}
      />
    </div>
  );
}
