/**
 * A dashboard figure as plain data: what the server hands the chart (a client leaf) and renders as its table. Numbers
 * come with the inbox link behind them (`href`), or none where no list of complaints stands behind the number.
 */

/** The chart colours; each is safelisted in tailwind.config.ts (else Tremor's bars render black). */
export const CHART_COLORS = ['blue', 'emerald', 'amber', 'violet', 'rose', 'cyan', 'slate'] as const;
export type ChartColor = (typeof CHART_COLORS)[number];

export type FigureSeries = { key: string; label: string; color: ChartColor };

export type FigureRow = {
  key: string;
  /** Shown on the axis and as the table's row header; unique within a figure. */
  label: string;
  values: Record<string, number>;
  hrefs: Record<string, string | null>;
  /** For stacked figures: the row's total and its link. */
  total?: { value: number; href: string | null };
};

export type Figure = {
  id: string;
  title: string;
  /** Under the caption: what is counted. */
  description?: string;
  /** The table's first column header (what a row is). */
  rowHeader: string;
  series: FigureSeries[];
  rows: FigureRow[];
  /** Bars of one row on top of each other (e.g. channels) instead of side by side (e.g. this and the previous period). */
  stacked?: boolean;
  /** Bars along a time axis (columns) or a list of things (horizontal bars, for long names). */
  layout: 'columns' | 'bars';
  /** Compare mode: add a column with series[0] − series[1]. */
  difference?: boolean;
};

/** The Tailwind class of a legend dot (safelisted). */
export const dotClass: Record<ChartColor, string> = {
  blue: 'bg-blue-500',
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  violet: 'bg-violet-500',
  rose: 'bg-rose-500',
  cyan: 'bg-cyan-500',
  slate: 'bg-slate-500',
};
