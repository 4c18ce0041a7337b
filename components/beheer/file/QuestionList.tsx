import type { QuestionRow } from '@/lib/complaints/file';
import { Badge } from './Badge';

/** The questions asked to the client, each with its answer or that it is still open; oldest first. */
export function QuestionList({ rows, labels }: { rows: QuestionRow[]; labels: { question: string; answer: string; attachments?: string; download?: string } }) {
  return (
    <ol className="space-y-4" data-testid="questions">
      {rows.map((row) => (
        <li key={row.id} className="rounded-md border border-stone-200 px-4 py-3">
          <dl className="space-y-3">
            <div>
              <dt className="text-sm font-semibold text-stone-700">{labels.question}</dt>
              <dd className="whitespace-pre-line [overflow-wrap:anywhere]">{row.question}</dd>
              <dd className="mt-1 text-sm text-stone-600">{row.asked}</dd>
            </div>
            <div>
              <dt className="text-sm font-semibold text-stone-700">{labels.answer}</dt>
              {row.answer ? <dd className="whitespace-pre-line [overflow-wrap:anywhere]">{row.answer}</dd> : null}
              <dd className={row.answer ? 'mt-1 text-sm text-stone-600' : ''}>{row.open ? <Badge tone="warn">{row.answered}</Badge> : row.answered}</dd>
            </div>
            {row.attachments && row.attachments.length > 0 ? (
              <div>
                <dt className="text-sm font-semibold text-stone-700">{labels.attachments}</dt>
                <dd>
                  <ul className="mt-1 space-y-1" data-testid="attachments">
                    {row.attachments.map((file) => (
                      <li key={file.id} className="flex flex-wrap items-baseline gap-x-2">
                        <a href={file.href} download className="font-semibold text-brand-800 underline underline-offset-4 [overflow-wrap:anywhere]">
                          {file.name}
                          <span className="sr-only"> ({labels.download})</span>
                        </a>
                        <span className="text-sm text-stone-600">
                          {file.type}, {file.size}
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
