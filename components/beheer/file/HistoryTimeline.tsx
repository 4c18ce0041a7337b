import type { HistoryRow } from '@/lib/complaints/file';

/** The complaint's append-only history: who, when, what, why. Oldest first, as the file grew. */
export function HistoryTimeline({ rows, empty, reasonLabel }: { rows: HistoryRow[]; empty: string; reasonLabel: string }) {
  if (rows.length === 0) return <p className="text-stone-600">{empty}</p>;
  return (
    <ol className="relative space-y-5 border-l-2 border-stone-200 pl-6" data-testid="history">
      {rows.map((row) => (
        <li key={row.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.95rem] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-700 ring-2 ring-brand-200" />
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h3 className="font-semibold text-stone-900">{row.action}</h3>
            <span className="text-sm text-stone-700">
              <time dateTime={row.atIso}>{row.at}</time> · {row.who}
            </span>
          </div>
          {row.statusChange ? <p className="text-sm text-stone-700">{row.statusChange}</p> : null}
          {row.reason ? (
            <p className="mt-1 whitespace-pre-line rounded-md bg-stone-50 px-3 py-2 text-stone-900 [overflow-wrap:anywhere]">
              <span className="font-semibold">{reasonLabel}: </span>
              {row.reason}
            </p>
          ) : null}
          {row.details.length > 0 ? (
            <dl className="mt-1 grid grid-cols-1 gap-x-3 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
              {row.details.map((detail) => (
                <div key={detail.label} className="contents">
                  <dt className="text-stone-600">{detail.label}</dt>
                  <dd className={`min-w-0 text-stone-900 [overflow-wrap:anywhere] ${detail.multiline ? 'whitespace-pre-line' : ''}`}>{detail.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
