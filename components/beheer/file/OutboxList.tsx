import type { ReactNode } from 'react';
import type { OutboxRow } from '@/lib/complaints/file';
import { Badge } from './Badge';

/** This complaint's letters and e-mails with their delivery state; the text opens on demand. */
export function OutboxList({
  rows,
  labels,
  pdfLink,
}: {
  rows: OutboxRow[];
  labels: { empty: string; to: string; subject: string; body: string };
  /** A link to the message as a PDF to print (the post room's route). */
  pdfLink?: (row: OutboxRow) => ReactNode;
}) {
  if (rows.length === 0) return <p className="text-stone-600">{labels.empty}</p>;
  return (
    <ul className="space-y-4" data-testid="outbox">
      {rows.map((row) => (
        <li key={row.id} className="rounded-md border border-stone-200 p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold text-stone-900">
              {row.kind} <span className="font-normal text-stone-700">· {row.medium}</span>
            </h3>
            <span className="flex flex-wrap items-center gap-2">
              {pdfLink?.(row)}
              <Badge tone={row.status === 'sent' ? 'good' : row.status === 'failed' ? 'bad' : 'warn'}>{row.statusLabel}</Badge>
            </span>
          </div>
          <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-stone-600">{labels.to}</dt>
            <dd className="min-w-0 whitespace-pre-line text-stone-900 [overflow-wrap:anywhere]">{row.recipient}</dd>
            <dt className="text-stone-600">{labels.subject}</dt>
            <dd className="min-w-0 text-stone-900 [overflow-wrap:anywhere]">{row.subject}</dd>
          </dl>
          <p className="mt-2 text-sm text-stone-700">{row.facts.join(' · ')}</p>
          {row.lastError ? <p className="mt-1 text-sm font-semibold text-red-800 [overflow-wrap:anywhere]">{row.lastError}</p> : null}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-semibold text-brand-800 underline-offset-4 hover:underline">{labels.body}</summary>
            <pre className="mt-2 whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-stone-50 p-3 font-sans text-sm text-stone-900">{row.body}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
