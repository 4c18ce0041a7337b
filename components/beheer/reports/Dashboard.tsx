import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLOCKS } from '@/lib/procedure/deadlines';
import { addCalendarDays } from '@/lib/procedure/dates';
import { CHANNELS, CONTRACTING_PARTY_TYPES, MEASURE_STATUSES, NOT_ADMISSIBLE_GROUNDS } from '@/lib/procedure/vocabulary';
import { compareCounts, type Counted } from '@/lib/reports/compare';
import type { DashboardData } from '@/lib/reports/dashboard';
import { drillDownHref } from '@/lib/reports/drilldown';
import type { DrillDown, Period, ReportData, ReportOutcomeKey } from '@/lib/reports/types';
import { ChartFigure, CountLink } from './ChartFigure';
import type { ChartColor, Figure, FigureRow, FigureSeries } from './figure';
import { formatDate, formatDayMonth, formatMonth, number, percent, periodLabel, signed } from './format';

type T = Awaited<ReturnType<typeof getTranslations<'beheer'>>>;

const CHANNEL_COLORS: Record<(typeof CHANNELS)[number], ChartColor> = { online: 'blue', phone: 'emerald', email: 'amber', post: 'violet' };
const OUTCOME_KEYS: ReportOutcomeKey[] = ['upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction', 'not_admissible', 'withdrawn', 'open'];

/**
 * A figure of counts: one bar per thing, or in compare mode two (this period and the previous one, each linking to its
 * own complaints), with a difference column in the table.
 */
function countFigure(
  base: Pick<Figure, 'id' | 'title' | 'description' | 'rowHeader'>,
  current: { period: Period; rows: Counted<DrillDown>[]; label: string },
  previous: { period: Period; rows: Counted<DrillDown>[]; label: string } | null,
  t: T,
): Figure {
  const series: FigureSeries[] = [{ key: 'current', label: previous ? current.label : t('reports.common.complaints'), color: 'blue' }];
  if (previous) series.push({ key: 'previous', label: previous.label, color: 'slate' });
  const href = (period: Period, drill: DrillDown | null) => (drill ? drillDownHref(period, drill) : null);
  const rows: FigureRow[] = compareCounts(current.rows, previous?.rows ?? null).map((row) => ({
    key: row.key,
    label: row.label,
    values: row.previous ? { current: row.current.count, previous: row.previous.count } : ({ current: row.current.count } as Record<string, number>),
    hrefs: {
      current: href(current.period, row.current.drill),
      ...(row.previous && previous ? { previous: href(previous.period, row.previous.drill) } : {}),
    },
  }));
  return { ...base, series, rows, layout: 'bars', difference: Boolean(previous) };
}

/** Received per week or month, stacked by channel; every part and every total links to its complaints. */
function volumeFigure(id: string, data: ReportData, title: string, t: T): Figure {
  const { buckets, granularity } = data.volume;
  const series = CHANNELS.map((channel) => ({ key: channel, label: t(`common.channels.${channel}`), color: CHANNEL_COLORS[channel] }));
  const rows = buckets.map((bucket, i): FigureRow => {
    const end = i + 1 < buckets.length ? addCalendarDays(buckets[i + 1]!.start, -1) : data.period.to;
    const label = granularity === 'week' ? formatDayMonth(bucket.start) : formatMonth(bucket.start);
    return {
      key: bucket.start,
      label,
      values: Object.fromEntries(CHANNELS.map((c) => [c, bucket.byChannel[c]])),
      hrefs: Object.fromEntries(CHANNELS.map((c) => [c, drillDownHref(data.period, { kind: 'bucket', start: bucket.start, end, channel: c })])),
      total: { value: bucket.total, href: drillDownHref(data.period, { kind: 'bucket', start: bucket.start, end }) },
    };
  });
  return {
    id,
    title,
    description: t('reports.volume.bucketDescription', { unit: granularity }),
    rowHeader: granularity === 'week' ? t('reports.volume.week') : t('reports.volume.month'),
    series,
    rows,
    stacked: true,
    layout: 'columns',
  };
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <div>
        <h2 id={id} className="text-xl font-bold">
          {title}
        </h2>
        {intro ? <p className="mt-1 max-w-prose text-sm text-stone-700">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** A headline number, with the previous period's value under it in compare mode. */
function Tile({ label, value, hint, previous, testId }: { label: string; value: ReactNode; hint?: string; previous?: ReactNode; testId?: string }) {
  return (
    <div className="card p-4" data-tile={testId}>
      <dt className="text-sm font-semibold text-stone-700">{label}</dt>
      <dd className="mt-1 text-3xl font-bold tabular-nums text-stone-900">{value}</dd>
      {previous !== undefined ? <dd className="mt-1 text-sm text-stone-600">{previous}</dd> : null}
      {hint ? <dd className="mt-1 text-sm text-stone-600">{hint}</dd> : null}
    </div>
  );
}

const ratio = (part: number, of: number) => (of > 0 ? percent.format(part / of) : '–');

/** The dashboard for one period (and, to compare, the previous one): five sections of figures, each with its table. */
export async function Dashboard({ data }: { data: DashboardData }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer' });
  const { current, previous } = data;
  const periodLabels = (key: 'year' | 'quarter' | 'month' | 'range', values: Record<string, string | number>) => t(`reports.period.labels.${key}`, values);
  const currentLabel = periodLabel(current.period, periodLabels);
  const previousLabel = previous ? periodLabel(previous.period, periodLabels) : '';
  const texts = {
    table: t('reports.common.table'),
    total: t('reports.common.total'),
    difference: t('reports.common.difference'),
    empty: t('reports.common.empty'),
  };
  const was = (value: ReactNode) => (previous ? t('reports.common.previousValue', { value: String(value) }) : undefined);
  const pair = (pick: (r: ReportData) => Counted<DrillDown>[]) => ({
    current: { period: current.period, rows: pick(current), label: currentLabel },
    previous: previous ? { period: previous.period, rows: pick(previous), label: previousLabel } : null,
  });
  const figure = (base: Pick<Figure, 'id' | 'title' | 'description' | 'rowHeader'>, pick: (r: ReportData) => Counted<DrillDown>[]) => {
    const { current: c, previous: p } = pair(pick);
    return countFigure(base, c, p, t);
  };

  // Volume
  const bucketTitle = current.volume.granularity === 'week' ? t('reports.volume.perWeek') : t('reports.volume.perMonth');
  const volume = volumeFigure('volume', current, bucketTitle, t);
  const previousVolume = previous
    ? volumeFigure('volume-previous', previous, previous.volume.granularity === 'week' ? t('reports.volume.perWeekPrevious') : t('reports.volume.perMonthPrevious'), t)
    : null;
  const byChannel = figure({ id: 'channel', title: t('reports.volume.byChannel'), rowHeader: t('reports.volume.channel') }, (r) =>
    CHANNELS.map((channel) => ({ key: channel, label: t(`common.channels.${channel}`), count: r.volume.receivedByChannel[channel], drill: { kind: 'channel', channel } })),
  );

  // Nature
  const byCategory = figure({ id: 'category', title: t('reports.nature.byCategory'), rowHeader: t('reports.nature.category') }, (r) =>
    r.nature.byCategory.map((c) => ({ key: c.code, label: c.nameNl, count: c.count, drill: { kind: 'category', code: c.code } })),
  );
  const byTeam = figure({ id: 'team', title: t('reports.nature.byTeam'), rowHeader: t('reports.nature.team') }, (r) =>
    r.nature.byTeam.map((team) => ({ key: team.key ?? '', label: team.key ?? t('reports.nature.noTeam'), count: team.count, drill: { kind: 'team', team: team.key } })),
  );
  const byPartyType = figure({ id: 'party-type', title: t('reports.nature.byPartyType'), rowHeader: t('reports.nature.partyType') }, (r) =>
    [...CONTRACTING_PARTY_TYPES, 'unknown' as const].map((type) => ({
      key: type,
      label: type === 'unknown' ? t('reports.nature.unknownParty') : t(`common.partyTypes.${type}`),
      count: r.nature.byPartyType.find((p) => p.key === type)?.count ?? 0,
      drill: { kind: 'partyType', type },
    })),
  );
  const topParties = countFigure(
    { id: 'parties', title: t('reports.nature.topParties'), rowHeader: t('reports.nature.party') },
    {
      period: current.period,
      label: currentLabel,
      rows: current.nature.topParties.map((p) => ({ key: String(p.id), label: p.name, count: p.count, drill: { kind: 'party', id: p.id } })),
    },
    null,
    t,
  );

  // Outcomes
  const byOutcome = figure({ id: 'outcome', title: t('reports.outcomes.byOutcome'), rowHeader: t('reports.outcomes.outcome') }, (r) =>
    OUTCOME_KEYS.map((outcome) => ({ key: outcome, label: t(`reports.outcomes.labels.${outcome}`), count: r.outcomes.byOutcome[outcome], drill: { kind: 'outcome', outcome } })),
  );
  const byGround = figure({ id: 'ground', title: t('reports.outcomes.byGround'), rowHeader: t('reports.outcomes.ground') }, (r) =>
    NOT_ADMISSIBLE_GROUNDS.map((ground) => ({ key: ground, label: t(`file.history.grounds.${ground}`), count: r.outcomes.notAdmissibleByGround[ground], drill: { kind: 'ground', ground } })),
  );

  // Timeliness
  const timeliness: Figure = {
    id: 'timeliness',
    title: t('reports.timeliness.chart'),
    rowHeader: t('reports.timeliness.clock'),
    series: [
      { key: 'onTime', label: t('reports.timeliness.onTime'), color: 'emerald' },
      { key: 'late', label: t('reports.timeliness.late'), color: 'rose' },
      { key: 'pending', label: t('reports.timeliness.pending'), color: 'slate' },
    ],
    rows: CLOCKS.map((clock) => {
      const c = current.timeliness[clock];
      return {
        key: clock,
        label: t(`common.clocks.${clock}`),
        values: { onTime: c.onTime, late: c.late, pending: c.pending },
        hrefs: { onTime: null, late: drillDownHref(current.period, { kind: 'late', clock }), pending: null },
        total: { value: c.judged + c.pending, href: null },
      };
    }),
    stacked: true,
    layout: 'bars',
  };
  const ext = current.timeliness.extensions;
  const days = current.timeliness.daysToOutcome;
  const dayText = (value: number | null) => (value === null ? '–' : t('reports.common.days', { count: value }));

  // Measures
  const byStatus: Figure = {
    id: 'measure-status',
    title: t('reports.measures.byStatus'),
    rowHeader: t('reports.measures.status'),
    series: [{ key: 'count', label: t('reports.common.count'), color: 'cyan' }],
    rows: MEASURE_STATUSES.map((status) => ({
      key: status,
      label: t(`measures.statuses.${status}`),
      values: { count: current.measures.byStatus[status] },
      hrefs: { count: `/beheer/maatregelen?status=${status}` },
    })),
    layout: 'bars',
  };
  const categoryName = (code: string) => current.nature.byCategory.find((c) => c.code === code)?.nameNl ?? code;
  const effectRows: FigureRow[] = current.measures.effect.map((m, i) => {
    const short = m.description.length > 38 ? `${m.description.slice(0, 36)}…` : m.description;
    const href = `/beheer/maatregelen/${m.measureId}`;
    const label = `${i + 1}. ${short}${m.afterComplete ? '' : ` (${t('reports.measures.incompleteShort')})`}`;
    return { key: String(m.measureId), label, values: { before: m.before, after: m.after }, hrefs: { before: href, after: href } };
  });
  const effect: Figure = {
    id: 'effect',
    title: t('reports.measures.effectChart'),
    rowHeader: t('reports.measures.measure'),
    series: [
      { key: 'before', label: t('reports.measures.before'), color: 'slate' },
      { key: 'after', label: t('reports.measures.after'), color: 'emerald' },
    ],
    rows: effectRows,
    layout: 'bars',
    difference: false,
  };

  return (
    <div className="space-y-10" data-period={`${current.period.from}/${current.period.to}`}>
      <Section id="volume-heading" title={t('reports.volume.heading')}>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Tile
            testId="received"
            label={t('reports.volume.received')}
            value={<CountLink value={current.volume.received} href={drillDownHref(current.period, { kind: 'received' })} />}
            previous={previous ? was(number.format(previous.volume.received)) : undefined}
          />
          <Tile testId="open" label={t('reports.volume.openNow')} value={<CountLink value={current.volume.openNow} href="/beheer" />} hint={t('reports.volume.openNowHint')} />
          <Tile
            testId="closed"
            label={t('reports.volume.closed')}
            value={number.format(current.volume.closedInPeriod)}
            hint={t('reports.volume.closedHint')}
            previous={previous ? was(number.format(previous.volume.closedInPeriod)) : undefined}
          />
        </dl>
        <ChartFigure figure={volume} texts={texts} />
        {previousVolume ? <ChartFigure figure={previousVolume} texts={texts} /> : null}
        <ChartFigure figure={byChannel} texts={texts} labelWidth={120} />
      </Section>

      <Section id="nature-heading" title={t('reports.nature.heading')}>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure figure={byCategory} texts={texts} labelWidth={170} />
          <ChartFigure figure={byTeam} texts={texts} labelWidth={170} />
          <ChartFigure figure={byPartyType} texts={texts} labelWidth={120} />
          {topParties.rows.length ? (
            <ChartFigure figure={topParties} texts={texts} labelWidth={170} />
          ) : (
            <p className="card text-sm text-stone-700">{t('reports.nature.noParties')}</p>
          )}
        </div>
      </Section>

      <Section id="outcomes-heading" title={t('reports.outcomes.heading')}>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure figure={byOutcome} texts={texts} labelWidth={170} />
          <ChartFigure figure={byGround} texts={texts} labelWidth={170} />
        </div>
        <dl className="grid gap-4 sm:grid-cols-2">
          <Tile
            testId="escalated"
            label={t('reports.outcomes.escalated')}
            value={<CountLink value={current.outcomes.escalated} href={drillDownHref(current.period, { kind: 'escalated' })} />}
            previous={previous ? was(number.format(previous.outcomes.escalated)) : undefined}
          />
          <Tile
            testId="party-responded"
            label={t('reports.outcomes.partyResponded')}
            value={<CountLink value={current.outcomes.partyResponded} href={drillDownHref(current.period, { kind: 'partyResponded' })} />}
            previous={previous ? was(number.format(previous.outcomes.partyResponded)) : undefined}
          />
        </dl>
      </Section>

      <Section id="timeliness-heading" title={t('reports.timeliness.heading')} intro={t('reports.timeliness.intro')}>
        <div className="card overflow-x-auto p-4 sm:p-5">
          <table className="w-full border-collapse text-left text-sm" data-table="timeliness">
            <caption className="mb-2 text-left font-bold text-stone-900">{t('reports.timeliness.heading')}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1.5 pr-3">{t('reports.timeliness.clock')}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t('reports.timeliness.judged')}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t('reports.timeliness.onTimePercent')}</th>
                {previous ? <th scope="col" className="px-2 py-1.5 text-right">{t('reports.timeliness.previousPercent')}</th> : null}
                <th scope="col" className="px-2 py-1.5 text-right">{t('reports.timeliness.late')}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t('reports.timeliness.pending')}</th>
                <th scope="col" className="py-1.5 pl-2 text-right">{t('reports.timeliness.overdueNow')}</th>
              </tr>
            </thead>
            <tbody>
              {CLOCKS.map((clock) => {
                const c = current.timeliness[clock];
                const p = previous?.timeliness[clock];
                return (
                  <tr key={clock} className="border-b border-stone-100 last:border-0" data-row={clock}>
                    <th scope="row" className="py-1.5 pr-3 font-normal">{t(`common.clocks.${clock}`)}</th>
                    <td className="px-2 py-1.5 text-right tabular-nums">{number.format(c.judged)}</td>
                    <td className="px-2 py-1.5 text-right font-semibold tabular-nums">{ratio(c.onTime, c.judged)}</td>
                    {p ? <td className="px-2 py-1.5 text-right tabular-nums">{ratio(p.onTime, p.judged)}</td> : null}
                    <td className="px-2 py-1.5 text-right tabular-nums">
                      <CountLink value={c.late} href={drillDownHref(current.period, { kind: 'late', clock })} />
                    </td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{number.format(c.pending)}</td>
                    <td className="py-1.5 pl-2 text-right tabular-nums">
                      <CountLink value={current.timeliness.overdueNow[clock]} href={drillDownHref(current.period, { kind: 'overdueNow', clock })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <ChartFigure figure={timeliness} texts={texts} labelWidth={170} />
        <dl className="grid gap-4 sm:grid-cols-3">
          <Tile
            testId="extension-rate"
            label={t('reports.timeliness.extensionRate')}
            value={ratio(ext.extended, ext.of)}
            hint={t('reports.timeliness.extensionRateHint', { extended: ext.extended, of: ext.of, twice: ext.extendedTwiceOrMore })}
            previous={previous ? was(ratio(previous.timeliness.extensions.extended, previous.timeliness.extensions.of)) : undefined}
          />
          <Tile
            testId="median"
            label={t('reports.timeliness.median')}
            value={dayText(days.median)}
            hint={t('reports.timeliness.daysHint', { count: days.count })}
            previous={previous ? was(dayText(previous.timeliness.daysToOutcome.median)) : undefined}
          />
          <Tile
            testId="p90"
            label={t('reports.timeliness.p90')}
            value={dayText(days.p90)}
            previous={previous ? was(dayText(previous.timeliness.daysToOutcome.p90)) : undefined}
          />
        </dl>
      </Section>

      <Section id="satisfaction-heading" title={t('reports.satisfaction.heading')} intro={t('reports.satisfaction.intro')}>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Tile
            testId="satisfied-share"
            label={t('reports.satisfaction.share')}
            value={ratio(current.satisfaction.satisfied, current.satisfaction.answered)}
            hint={t('reports.satisfaction.shareHint', { satisfied: current.satisfaction.satisfied, answered: current.satisfaction.answered })}
            previous={previous ? was(ratio(previous.satisfaction.satisfied, previous.satisfaction.answered)) : undefined}
          />
          <Tile
            testId="satisfaction-answered"
            label={t('reports.satisfaction.responseRate')}
            value={ratio(current.satisfaction.answered, current.satisfaction.decided)}
            hint={t('reports.satisfaction.responseRateHint', { answered: current.satisfaction.answered, decided: current.satisfaction.decided })}
            previous={previous ? was(ratio(previous.satisfaction.answered, previous.satisfaction.decided)) : undefined}
          />
          <Tile
            testId="forward-requested"
            label={t('reports.satisfaction.forwardRequested')}
            value={number.format(current.satisfaction.forwardRequested)}
            hint={t('reports.satisfaction.forwardRequestedHint')}
            previous={previous ? was(number.format(previous.satisfaction.forwardRequested)) : undefined}
          />
        </dl>
        {current.satisfaction.answered > 0 || (previous?.satisfaction.answered ?? 0) > 0 ? (
          // No links inside, so the scrolling box itself takes the keyboard focus (it scrolls sideways on a phone).
          <div className="card overflow-x-auto p-4 sm:p-5" tabIndex={0} role="region" aria-label={t('reports.satisfaction.table')}>
            <table className="w-full border-collapse text-left text-sm" data-table="satisfaction">
              <caption className="mb-2 text-left font-bold text-stone-900">{t('reports.satisfaction.table')}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-1.5 pr-3">{t('reports.satisfaction.category')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('reports.satisfaction.decided')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('reports.satisfaction.answered')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('reports.satisfaction.satisfied')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('reports.satisfaction.sharePercent')}</th>
                  {previous ? <th scope="col" className="px-2 py-1.5 text-right">{t('reports.satisfaction.previousShare')}</th> : null}
                  <th scope="col" className="py-1.5 pl-2 text-right">{t('reports.satisfaction.forward')}</th>
                </tr>
              </thead>
              <tbody>
                {[...current.satisfaction.byCategory, { ...current.satisfaction, code: '', nameNl: texts.total, nameEn: '' }].map((c) => {
                  const p = previous
                    ? c.code === ''
                      ? previous.satisfaction
                      : previous.satisfaction.byCategory.find((x) => x.code === c.code)
                    : undefined;
                  const total = c.code === '';
                  return (
                    <tr key={c.code || 'total'} className={total ? 'border-t-2 border-stone-300 font-semibold' : 'border-b border-stone-100'} data-row={c.code || 'total'}>
                      <th scope="row" className={total ? 'py-1.5 pr-3' : 'py-1.5 pr-3 font-normal'}>{c.nameNl}</th>
                      <td className="px-2 py-1.5 text-right tabular-nums">{number.format(c.decided)}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{number.format(c.answered)}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{number.format(c.satisfied)}</td>
                      <td className="px-2 py-1.5 text-right font-semibold tabular-nums">{ratio(c.satisfied, c.answered)}</td>
                      {previous ? <td className="px-2 py-1.5 text-right tabular-nums">{p ? ratio(p.satisfied, p.answered) : '–'}</td> : null}
                      <td className="py-1.5 pl-2 text-right tabular-nums">{number.format(c.forwardRequested)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="card text-sm text-stone-700">{t('reports.satisfaction.none')}</p>
        )}
      </Section>

      <Section id="measures-heading" title={t('reports.measures.heading')}>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure figure={byStatus} texts={texts} labelWidth={100} />
          <dl className="grid content-start gap-4">
            <Tile
              testId="measures-overdue"
              label={t('reports.measures.overdue')}
              value={<CountLink value={current.measures.overdue} href="/beheer/maatregelen?overdue=1" />}
              hint={t('reports.measures.overdueHint')}
            />
          </dl>
        </div>
        <div className="space-y-3">
          <h3 className="text-lg font-bold">{t('reports.measures.effectHeading')}</h3>
          <p className="max-w-prose text-sm text-stone-700">{t('reports.measures.effectIntro')}</p>
          <p className="max-w-prose rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-caveat="">
            {t('reports.measures.caveat')}
          </p>
          {effectRows.length ? (
            <>
              <ChartFigure figure={effect} texts={texts} labelWidth={200} />
              <div className="card overflow-x-auto p-4 sm:p-5">
                <table className="w-full border-collapse text-left text-sm" data-table="effect">
                  <caption className="mb-2 text-left font-bold text-stone-900">{t('reports.measures.effectHeading')}</caption>
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className="py-1.5 pr-3">{t('reports.measures.measure')}</th>
                      <th scope="col" className="px-2 py-1.5">{t('reports.measures.categoryCol')}</th>
                      <th scope="col" className="px-2 py-1.5">{t('reports.measures.doneOn')}</th>
                      <th scope="col" className="px-2 py-1.5 text-right">{t('reports.measures.before')}</th>
                      <th scope="col" className="px-2 py-1.5 text-right">{t('reports.measures.after')}</th>
                      <th scope="col" className="py-1.5 pl-2 text-right">{t('reports.measures.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {current.measures.effect.map((m, i) => (
                      <tr key={m.measureId} className="border-b border-stone-100 align-top last:border-0" data-row={m.measureId}>
                        <th scope="row" className="py-1.5 pr-3 font-normal">
                          <Link href={`/beheer/maatregelen/${m.measureId}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                            {i + 1}. {m.description}
                          </Link>
                        </th>
                        <td className="px-2 py-1.5">{categoryName(m.categoryCode)}</td>
                        <td className="whitespace-nowrap px-2 py-1.5">{formatDate(m.doneOn)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{number.format(m.before)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          {number.format(m.after)}
                          {m.afterComplete ? null : (
                            <span className="block whitespace-nowrap text-xs text-amber-800" data-incomplete="">
                              {t('reports.measures.incomplete', { days: m.afterDays })}
                            </span>
                          )}
                        </td>
                        <td className="py-1.5 pl-2 text-right tabular-nums">
                          {signed.format(m.after - m.before)}
                          {m.afterComplete ? null : <span className="block text-xs text-amber-800">{t('reports.measures.incompleteShort')}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p className="card text-sm text-stone-700">{t('reports.measures.noEffect')}</p>
          )}
        </div>
      </Section>
    </div>
  );
}
