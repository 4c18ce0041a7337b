import texts from '@/lib/i18n/beheer/annual.json';
import common from '@/lib/i18n/beheer/common.json';
import { formatDate } from '@/lib/format';
import type { Organisation } from '@/lib/organisation';
import type { IsoDate } from '@/lib/procedure/dates';
import { CLOCKS } from '@/lib/procedure/deadlines';
import { CHANNELS, CONTRACTING_PARTY_TYPES, type MeasureStatus, NOT_ADMISSIBLE_GROUNDS } from '@/lib/procedure/vocabulary';
import type { Period, ReportData, ReportOutcomeKey } from './types';

/**
 * The annual complaints register (`/beheer/rapportage/jaarverslag?jaar=2026`, Awb 9:12a): the year's report figures
 * (db/reports.ts `loadReport`) and the measures as one document of sections and tables, already worded in Dutch. Pure:
 * the HTML page and the PDF both render this same document, so they cannot say different things.
 *
 * Anonymised by construction: it takes only counts, category and party-type names, the organisation's own details
 * and the measures' description, category, status and date. No client or staff names, no client text, no party names.
 */

/** A measure as the register shows it (no owner, no reason: those can name people). */
export type AnnualMeasure = {
  description: string;
  categoryName: string | null;
  status: MeasureStatus;
  doneOn: IsoDate | null;
  dueOn: IsoDate | null;
};

export type AnnualInput = {
  year: number;
  organisation: Organisation;
  report: ReportData;
  measures: readonly AnnualMeasure[];
  /** The day the document is made (Amsterdam). */
  today: IsoDate;
};

export type Align = 'left' | 'right';

export type AnnualTable = {
  /** A stable id (tests, e2e and the HTML use it). */
  id: string;
  caption: string;
  columns: string[];
  align: Align[];
  rows: string[][];
  /** A closing row ("Totaal"), shown in bold. */
  total?: string[];
};

export type AnnualSection = { id: string; heading: string; intro?: string; tables: AnnualTable[] };

export type AnnualDocument = {
  title: string;
  subtitle: string;
  intro: string;
  organisation: { label: string; value: string }[];
  sections: AnnualSection[];
  /** For the PDF's footer: "… · Pagina {page} van {pages}". */
  footer: (page: number, pages: number) => string;
};

/** The calendar year as a report period. */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** `jaar=2026` when it is one of the offered years, else the default. */
export function parseYear(raw: string | string[] | undefined, years: readonly number[], fallback: number): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{4}$/.test(value)) return fallback;
  const year = Number(value);
  return years.includes(year) ? year : fallback;
}

/** The years a register can be made for: from the first complaint's year up to this year, newest first. */
export function yearsOffered(firstYear: number | null, thisYear: number): number[] {
  const from = Math.min(firstYear ?? thisYear, thisYear);
  return Array.from({ length: thisYear - from + 1 }, (_, i) => thisYear - i);
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1.234 */
export const formatCount = (n: number) => integer.format(n);

/** "12,5%", or "–" when there is nothing to divide by. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${oneDecimal.format((part / whole) * 100)}%` : texts.timeliness.none;
}

const countRows = (entries: [string, number][], whole: number) => entries.map(([label, n]) => [label, formatCount(n), formatShare(n, whole)]);

const OUTCOME_ORDER: ReportOutcomeKey[] = ['upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction', 'not_admissible', 'withdrawn', 'open'];

function measureDate(m: AnnualMeasure): string {
  if (m.status === 'done' && m.doneOn) return fill(texts.measures.doneOn, { date: formatDate(m.doneOn, 'nl') });
  if (m.dueOn) return fill(texts.measures.dueOn, { date: formatDate(m.dueOn, 'nl') });
  return texts.measures.noDate;
}

export function annualRegister(input: AnnualInput): AnnualDocument {
  const { year, organisation: org, report, measures } = input;
  const received = report.volume.received;
  const t = texts;

  const organisation = [
    { label: t.organisation.name, value: org.name },
    { label: t.organisation.address, value: org.postalAddress },
    { label: t.organisation.phone, value: org.phone },
    { label: t.organisation.email, value: org.email },
    ...(org.website ? [{ label: t.organisation.website, value: org.website }] : []),
  ];

  const volume: AnnualSection = {
    id: 'volume',
    heading: t.volume.heading,
    tables: [
      {
        id: 'volume-totals',
        caption: fill(t.volume.keyFigures, { year }),
        columns: [t.columns.figure, t.columns.count],
        align: ['left', 'right'],
        rows: [
          [fill(t.volume.received, { year }), formatCount(received)],
          [fill(t.volume.closed, { year }), formatCount(report.volume.closedInPeriod)],
          [t.volume.open, formatCount(report.volume.openNow)],
        ],
      },
      {
        id: 'volume-channels',
        caption: t.volume.byChannel,
        columns: [t.columns.channel, t.columns.count, t.columns.share],
        align: ['left', 'right', 'right'],
        rows: countRows(
          CHANNELS.map((c) => [common.channels[c], report.volume.receivedByChannel[c] ?? 0]),
          received,
        ),
        total: [t.volume.total, formatCount(received), formatShare(received, received)],
      },
    ],
  };

  const partyTypeLabel = (key: string) =>
    key === 'unknown' ? t.nature.partyUnknown : common.partyTypes[key as (typeof CONTRACTING_PARTY_TYPES)[number]];
  const byPartyType = new Map(report.nature.byPartyType.map((e) => [e.key, e.count]));
  const nature: AnnualSection = {
    id: 'nature',
    heading: t.nature.heading,
    tables: [
      {
        id: 'nature-categories',
        caption: t.nature.byCategory,
        columns: [t.columns.category, t.columns.count, t.columns.share],
        align: ['left', 'right', 'right'],
        rows: countRows(
          report.nature.byCategory.map((c) => [c.nameNl, c.count]),
          received,
        ),
        total: [t.volume.total, formatCount(received), formatShare(received, received)],
      },
      {
        id: 'nature-party-types',
        caption: t.nature.byPartyType,
        columns: [t.columns.partyType, t.columns.count, t.columns.share],
        align: ['left', 'right', 'right'],
        rows: countRows(
          [...CONTRACTING_PARTY_TYPES, 'unknown' as const].map((k) => [partyTypeLabel(k), byPartyType.get(k) ?? 0]),
          received,
        ),
      },
    ],
  };

  const outcomes: AnnualSection = {
    id: 'outcomes',
    heading: t.outcomes.heading,
    intro: fill(t.outcomes.intro, { year }),
    tables: [
      {
        id: 'outcomes-keys',
        caption: t.outcomes.byOutcome,
        columns: [t.columns.outcome, t.columns.count, t.columns.share],
        align: ['left', 'right', 'right'],
        rows: countRows(
          OUTCOME_ORDER.map((k) => [t.outcomes.keys[k], report.outcomes.byOutcome[k] ?? 0]),
          received,
        ),
        total: [t.volume.total, formatCount(received), formatShare(received, received)],
      },
      {
        id: 'outcomes-grounds',
        caption: t.outcomes.byGround,
        columns: [t.columns.ground, t.columns.count],
        align: ['left', 'right'],
        rows: NOT_ADMISSIBLE_GROUNDS.map((g) => [t.outcomes.grounds[g], formatCount(report.outcomes.notAdmissibleByGround[g] ?? 0)]),
        total: [t.volume.total, formatCount(report.outcomes.byOutcome.not_admissible ?? 0)],
      },
    ],
  };

  const tl = report.timeliness;
  const days = (n: number | null) => (n === null ? t.timeliness.none : formatCount(n));
  const timeliness: AnnualSection = {
    id: 'timeliness',
    heading: t.timeliness.heading,
    intro: fill(t.timeliness.intro, { year }),
    tables: [
      {
        id: 'timeliness-clocks',
        caption: t.timeliness.table,
        columns: [t.columns.clock, t.columns.judged, t.columns.onTime, t.columns.late, t.columns.onTimeShare, t.columns.pending],
        align: ['left', 'right', 'right', 'right', 'right', 'right'],
        rows: CLOCKS.map((clock) => {
          const c = tl[clock];
          return [t.clocks[clock], formatCount(c.judged), formatCount(c.onTime), formatCount(c.late), formatShare(c.onTime, c.judged), formatCount(c.pending)];
        }),
      },
      {
        id: 'timeliness-days',
        caption: t.timeliness.daysHeading,
        columns: [t.columns.figure, t.columns.value],
        align: ['left', 'right'],
        rows: [
          [fill(t.timeliness.resolvedCount, { year }), formatCount(tl.daysToOutcome.count)],
          [t.timeliness.median, days(tl.daysToOutcome.median)],
          [t.timeliness.p90, days(tl.daysToOutcome.p90)],
          [fill(t.timeliness.extensionOf, { year }), formatCount(tl.extensions.of)],
          [t.timeliness.extended, `${formatCount(tl.extensions.extended)} (${formatShare(tl.extensions.extended, tl.extensions.of)})`],
          [t.timeliness.extendedTwice, formatCount(tl.extensions.extendedTwiceOrMore)],
        ],
      },
    ],
  };

  const escalations: AnnualSection = {
    id: 'escalations',
    heading: t.escalations.heading,
    tables: [
      {
        id: 'escalations-counts',
        caption: fill(t.escalations.caption, { year }),
        columns: [t.columns.figure, t.columns.count],
        align: ['left', 'right'],
        rows: [
          [t.escalations.escalated, formatCount(report.outcomes.escalated)],
          [t.escalations.responded, formatCount(report.outcomes.partyResponded)],
        ],
      },
    ],
  };

  const done = measures.filter((m) => m.status === 'done').length;
  const measureSection: AnnualSection = {
    id: 'measures',
    heading: t.measures.heading,
    intro: fill(t.measures.intro, { year }),
    tables: [
      {
        id: 'measures-counts',
        caption: t.measures.counts,
        columns: [t.columns.figure, t.columns.count],
        align: ['left', 'right'],
        rows: [
          [fill(t.measures.done, { year }), formatCount(done)],
          [t.measures.ongoing, formatCount(measures.length - done)],
        ],
      },
      {
        id: 'measures-list',
        caption: t.measures.table,
        columns: [t.columns.measure, t.columns.category, t.columns.status, t.columns.date],
        align: ['left', 'left', 'left', 'left'],
        rows: measures.map((m) => [m.description, m.categoryName ?? t.measures.noCategory, t.measures.statuses[m.status], measureDate(m)]),
      },
    ],
  };

  return {
    title: fill(t.title, { year }),
    subtitle: fill(t.subtitle, { year, date: formatDate(input.today, 'nl') }),
    intro: t.intro,
    organisation,
    sections: [volume, nature, outcomes, timeliness, escalations, measureSection],
    footer: (page, pages) => fill(t.footer, { organisation: org.name, year, page, pages }),
  };
}
